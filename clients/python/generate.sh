#!/usr/bin/env bash
# Generates the gRPC stubs of synthos_client from the service's proto, into synthos_client/_pb/.
# The stubs are not committed: the tests run this first, so they always match the proto.
#
# Needs protoc 3.15 or later (proto3 `optional`) and grpc_python_plugin: on Debian, the packages
# protobuf-compiler and protobuf-compiler-grpc. PROTOC and GRPC_PYTHON_PLUGIN override the paths.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
proto_root="$here/../../synthos-service/src/main/proto"
protoc=${PROTOC:-$(command -v protoc || true)}
plugin=${GRPC_PYTHON_PLUGIN:-$(command -v grpc_python_plugin || true)}
if [ -z "$protoc" ] || [ -z "$plugin" ]; then
  echo "generate.sh: needs protoc and grpc_python_plugin" \
    "(Debian: apt-get install protobuf-compiler protobuf-compiler-grpc)" >&2
  exit 2
fi
out="$here/synthos_client/_pb"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/synthos-pb.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
"$protoc" -I "$proto_root" --python_out="$tmp" --grpc_python_out="$tmp" \
  --plugin=protoc-gen-grpc_python="$plugin" synthos/v1/validation.proto
# The plugin imports the messages as the top-level package `synthos.v1`; inside synthos_client they
# live in the same directory, so the import becomes relative.
sed -i 's/^from synthos\.v1 import validation_pb2 as/from . import validation_pb2 as/' \
  "$tmp/synthos/v1/validation_pb2_grpc.py"
grep -q '^from \. import validation_pb2 as' "$tmp/synthos/v1/validation_pb2_grpc.py" || {
  echo "generate.sh: the generated gRPC module's import of validation_pb2 was not found" >&2
  exit 1
}
: >"$tmp/__init__.py"
# Replaced whole, so a proto whose messages were removed leaves no stale module behind.
rm -rf "$out"
mkdir -p "$out"
cp "$tmp/synthos/v1/validation_pb2.py" "$tmp/synthos/v1/validation_pb2_grpc.py" "$tmp/__init__.py" "$out/"
