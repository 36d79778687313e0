#!/bin/sh
# Run once by the minio-setup service: creates the documents bucket, a policy that allows only
# object access in that bucket, and the apps' access key with that policy. Idempotent.
set -e
mc alias set rlp http://minio:9000 "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD"
mc mb --ignore-existing "rlp/$S3_BUCKET"
cat > /tmp/rlp-apps-policy.json <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": ["s3:GetBucketLocation", "s3:ListBucket"], "Resource": ["arn:aws:s3:::$S3_BUCKET"] },
    { "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"], "Resource": ["arn:aws:s3:::$S3_BUCKET/*"] }
  ]
}
POLICY
mc admin policy create rlp rlp-apps /tmp/rlp-apps-policy.json 2>/dev/null || true
mc admin user add rlp "$S3_ACCESS_KEY_ID" "$S3_SECRET_ACCESS_KEY"
mc admin policy attach rlp rlp-apps --user "$S3_ACCESS_KEY_ID" 2>/dev/null || true
