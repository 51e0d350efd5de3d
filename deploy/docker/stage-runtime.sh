#!/bin/sh
# Lays out, from a checkout where `nx run <app>:build` has run, what the runtime stages of
# deploy/docker/Dockerfile copy (and nothing else):
#   <out>/manifests  package.json and package-lock.json of the root and of every workspace:
#                    all that `npm ci --omit=dev --workspace <app>` reads
#   <out>/built      every workspace's dist/ the build produced (the app's and its libraries'), and
#                    the app's other runtime files: the gateway's supergraph, the portal's .next/
#
# Usage, from the repository root: sh deploy/docker/stage-runtime.sh <app folder> <out folder>
#   <app folder>  services/identity, services/policy, services/workflow, services/connector, gateway or web
set -eu

app=${1:?usage: stage-runtime.sh <app folder> <out folder>}
out=${2:?usage: stage-runtime.sh <app folder> <out folder>}

if [ ! -f "$app/package.json" ]; then
  echo "stage-runtime.sh: $app is not a workspace of this repository" >&2
  exit 1
fi

rm -rf "$out"
mkdir -p "$out/manifests" "$out/built"
cp package.json package-lock.json "$out/manifests/"

# Every workspace, as npm itself lists them (the root package.json's "workspaces").
workspaces=$(npm query .workspace | node -e '
  let text = "";
  process.stdin.on("data", (chunk) => (text += chunk)).on("end", () => {
    for (const workspace of JSON.parse(text)) console.log(workspace.location);
  });
')
for workspace in $workspaces; do
  mkdir -p "$out/manifests/$workspace"
  cp "$workspace/package.json" "$out/manifests/$workspace/"
  if [ -d "$workspace/dist" ]; then
    mkdir -p "$out/built/$workspace"
    cp -R "$workspace/dist" "$out/built/$workspace/"
  fi
done

case "$app" in
  gateway)
    # Read at start (gateway/src/supergraph.ts: next to dist/).
    cp gateway/supergraph.graphql "$out/built/gateway/"
    ;;
  web)
    # What `next start` serves, without the build cache; next.config.ts is read again at start.
    if [ ! -f web/.next/BUILD_ID ]; then
      echo "stage-runtime.sh: web/.next/BUILD_ID is missing: build the portal first" >&2
      exit 1
    fi
    mkdir -p "$out/built/web"
    cp -R web/.next "$out/built/web/"
    rm -rf "$out/built/web/.next/cache"
    cp web/next.config.ts "$out/built/web/"
    ;;
  *)
    if [ ! -f "$app/dist/main.js" ]; then
      echo "stage-runtime.sh: $app/dist/main.js is missing: build $app first" >&2
      exit 1
    fi
    ;;
esac
