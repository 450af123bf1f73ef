// Validates Kubernetes manifests against the Kubernetes API's JSON schemas, offline: the schemas
// come compiled inside the kubernetes-models package (npm ci in this folder installs it).
//
//   node deploy/kubernetes/validate/validate.mjs deploy/kubernetes/*.yaml
//
// Every document must be a resource kubernetes-models knows (a typo in apiVersion or kind fails)
// and must satisfy its schema: types, required fields, enums and formats. Kustomize's own file is
// skipped. Exit status 1 on any failure.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parseAllDocuments } from "yaml";

let failures = 0;
let resources = 0;
for (const file of process.argv.slice(2)) {
  if (basename(file) === "kustomization.yaml") {
    continue;
  }
  for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (doc.errors.length > 0) {
      console.error(`${file}: YAML: ${doc.errors[0].message}`);
      failures++;
      continue;
    }
    const resource = doc.toJS();
    if (resource === null) {
      continue;
    }
    const where = `${file}: ${resource.kind}/${resource.metadata?.name}`;
    try {
      const module = await import(`kubernetes-models/${resource.apiVersion}/${resource.kind}`);
      new module[resource.kind](resource).validate();
      resources++;
    } catch (e) {
      console.error(`${where}: ${e.message}`);
      failures++;
    }
  }
}
console.log(`k8s-validate: ${resources} resource(s) valid, ${failures} failure(s)`);
process.exit(failures === 0 && resources > 0 ? 0 : 1);
