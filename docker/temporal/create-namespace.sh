#!/bin/sh
# Waits for the Temporal server, creates the namespace and registers parkflow's search attributes
# (workflows/definitions/search-attributes.ts) so ops can filter cases by them in the UI.
set -eu
namespace=${DEFAULT_NAMESPACE:-default}
address=${TEMPORAL_ADDRESS:-temporal:7233}

until temporal operator cluster health --address "$address" >/dev/null 2>&1; do echo "waiting for Temporal at $address"; sleep 3; done
temporal operator namespace describe -n "$namespace" --address "$address" >/dev/null 2>&1 \
  || temporal operator namespace create -n "$namespace" --address "$address"

# A new namespace reaches every service of the server only after its cache refreshes (about 10 s): until then
# registering an attribute fails with "Namespace … is not found". Each attribute is retried until it is listed.
for attribute in CaseStage:Keyword District:Keyword NextDeadline:Datetime OverdueReports:Int; do
  name=${attribute%%:*} type=${attribute#*:} tries=0
  until temporal operator search-attribute list -n "$namespace" --address "$address" 2>/dev/null | grep -qw "$name"; do
    tries=$((tries + 1))
    [ "$tries" -le 60 ] || { echo "search attribute $name could not be registered"; exit 1; }
    temporal operator search-attribute create -n "$namespace" --address "$address" --name "$name" --type "$type" \
      >/dev/null 2>&1 || sleep 2
  done
done
echo "namespace '$namespace' is ready with search attributes CaseStage, District, NextDeadline, OverdueReports"
