#!/bin/sh
# Waits for the Temporal server, creates the namespace and registers parkflow's search attributes
# (workflows/definitions/search-attributes.ts) so ops can filter cases by them in the UI.
set -eu
namespace=${DEFAULT_NAMESPACE:-default}
address=${TEMPORAL_ADDRESS:-temporal:7233}

until temporal operator cluster health --address "$address" >/dev/null 2>&1; do echo "waiting for Temporal at $address"; sleep 3; done
temporal operator namespace describe -n "$namespace" --address "$address" >/dev/null 2>&1 \
  || temporal operator namespace create -n "$namespace" --address "$address"

for attribute in CaseStage:Keyword District:Keyword NextDeadline:Datetime OverdueReports:Int; do
  name=${attribute%%:*} type=${attribute#*:}
  temporal operator search-attribute create -n "$namespace" --address "$address" --name "$name" --type "$type" \
    || echo "search attribute $name already registered"
done
echo "namespace '$namespace' is ready with search attributes CaseStage, District, NextDeadline, OverdueReports"
