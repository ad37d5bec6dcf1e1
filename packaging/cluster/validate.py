#!/usr/bin/env python3
"""Validates the cluster recipes offline, against the schemas their services publish.

    python3 -m venv /tmp/cv && /tmp/cv/bin/pip install botocore kubernetes-validate
    /tmp/cv/bin/python packaging/cluster/validate.py

- aws-batch.json: the input shape of AWS Batch's RegisterJobDefinition, from botocore's service model (the
  model the AWS CLI and SDKs send requests by), with botocore's own parameter validator.
- shrinkray-job.yaml: the Kubernetes OpenAPI schema of each release given (kubernetes-validate, strict: no
  unknown fields).
Both must also split the library as the Slurm recipe does: shard K+1 of 8 from the service's 0-based index.
Exit 0 when every check passes; what failed otherwise.
"""
import json
import pathlib
import sys

import botocore.session
import kubernetes_validate
import yaml
from botocore.validate import ParamValidator

HERE = pathlib.Path(__file__).resolve().parent
KUBERNETES = ["1.28", "1.31", "1.34"]
failures = []

batch = json.loads((HERE / "aws-batch.json").read_text())
model = botocore.session.get_session().get_service_model("batch")
shape = model.operation_model("RegisterJobDefinition").input_shape
report = ParamValidator().validate(batch, shape)
if report.has_errors():
    failures.append("aws-batch.json: " + report.generate_report())
else:
    print(f"aws-batch.json: a valid RegisterJobDefinition request (botocore {botocore.__version__}, batch "
          f"{model.api_version})")
command = " ".join(batch["containerProperties"]["command"])
if "$((AWS_BATCH_JOB_ARRAY_INDEX + 1))/8" not in command:
    failures.append("aws-batch.json: the shard is not AWS_BATCH_JOB_ARRAY_INDEX + 1 of 8")

job = yaml.safe_load((HERE / "shrinkray-job.yaml").read_text())
for version in KUBERNETES:
    try:
        kubernetes_validate.validate(job, version, strict=True)
        print(f"shrinkray-job.yaml: valid for Kubernetes {version} (strict)")
    except kubernetes_validate.ValidationError as e:
        failures.append(f"shrinkray-job.yaml for Kubernetes {version}: {e.message} at {list(e.path)}")
args = " ".join(job["spec"]["template"]["spec"]["containers"][0]["args"])
if '"$((JOB_COMPLETION_INDEX + 1))/8"' not in args or job["spec"]["completions"] != 8:
    failures.append("shrinkray-job.yaml: the shard is not JOB_COMPLETION_INDEX + 1 of 8")

for failure in failures:
    print("FAILED:", failure, file=sys.stderr)
sys.exit(1 if failures else 0)
