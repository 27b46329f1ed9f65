// Server-backed suites start a Temporal server and bundle workflows per file; bound each test generously.
jest.setTimeout(120_000);
