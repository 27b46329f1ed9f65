"""Schemathesis hooks for test/e2e/api-fuzzing.test.ts (loaded through SCHEMATHESIS_HOOKS by test/support/schemathesis.ts).

An Idempotency-Key names one request: the API answers 422 idempotency_key_reused when a caller sends the same key
with another body or path, a rule across requests that OpenAPI cannot state. Hypothesis reuses simple values ("0")
across operations, so each well-formed key the fuzzer generates is made unique before the call; malformed keys are
sent as generated (the API refuses them with 422, as the document says).
"""
import re
import uuid

import schemathesis

WELL_FORMED = re.compile(r"^[!-~]{1,200}$")


@schemathesis.hook
def before_call(ctx, case, **kwargs):
    key = (case.headers or {}).get("Idempotency-Key")
    if isinstance(key, str) and WELL_FORMED.match(key):
        case.headers["Idempotency-Key"] = f"fuzz-{uuid.uuid4()}"
