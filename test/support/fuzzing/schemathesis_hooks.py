"""Schemathesis hooks for test/e2e/api-fuzzing.test.ts (loaded through SCHEMATHESIS_HOOKS by test/support/schemathesis.ts).

An Idempotency-Key names one request: the API answers 422 idempotency_key_reused when a caller sends the same key
with another body or path, a rule across requests that OpenAPI cannot state. Hypothesis reuses simple values ("0")
across operations, so in each schema-valid request the key is made unique before the call. Negative requests are sent
as generated: they expect a refusal anyway, and changing one would make schemathesis re-validate it as positive (and,
for a request generated without its Authorization header, send the header after all).
"""
import re
import uuid

import schemathesis

WELL_FORMED = re.compile(r"^[!-~]{1,200}$")


@schemathesis.hook
def before_call(ctx, case, **kwargs):
    if case.meta is not None and case.meta.generation.mode.is_negative:
        return
    key = (case.headers or {}).get("Idempotency-Key")
    if isinstance(key, str) and WELL_FORMED.match(key):
        case.headers["Idempotency-Key"] = f"fuzz-{uuid.uuid4()}"
