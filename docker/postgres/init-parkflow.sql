-- parkflow's own database beside Temporal's (temporal, temporal_visibility are created by admin-tools).
CREATE USER parkflow WITH PASSWORD 'parkflow';
CREATE DATABASE parkflow OWNER parkflow;
