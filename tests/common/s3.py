"""The S3 tests' side door into the local server (moto): make a bucket, upload a folder, list or fetch keys.

Run with the Python of moto's environment (it has boto3): python s3.py ENDPOINT COMMAND ARGS...
  mkbucket BUCKET | upload BUCKET PREFIX DIR | put BUCKET KEY FILE | list BUCKET PREFIX | get BUCKET KEY FILE
`list` prints one object a line: key, size and ETag, tab-separated.
"""

import os
import sys
from concurrent.futures import ThreadPoolExecutor

import boto3

endpoint, command, *args = sys.argv[1:]
s3 = boto3.client("s3", endpoint_url=endpoint, aws_access_key_id="test", aws_secret_access_key="test",
                  region_name="us-east-1")

if command == "mkbucket":
    s3.create_bucket(Bucket=args[0])
elif command == "upload":
    bucket, prefix, folder = args
    files = []
    for root, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(root, name)
            files.append((path, prefix + "/" + os.path.relpath(path, folder).replace(os.sep, "/")))
    with ThreadPoolExecutor(16) as pool:
        list(pool.map(lambda f: s3.upload_file(f[0], bucket, f[1]), files))
elif command == "put":
    bucket, key, path = args
    s3.upload_file(path, bucket, key)
elif command == "list":
    bucket, prefix = args
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        for o in page.get("Contents", []):
            print(f"{o['Key']}\t{o['Size']}\t{o['ETag']}")
elif command == "get":
    bucket, key, path = args
    s3.download_file(bucket, key, path)
else:
    sys.exit(f"unknown command {command}")
