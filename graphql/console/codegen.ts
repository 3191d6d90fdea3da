// Typed operations from the gateway's SDL (`graphql/schema.graphql`, written by
// `wohnweg schema`; a test fails when it is stale). The client preset generates the
// `graphql()` function and a type for every operation in src/: no response type is
// written by hand.
import type { CodegenConfig } from "@graphql-codegen/cli";
import { addTypenameSelectionDocumentTransform } from "@graphql-codegen/client-preset";

const config: CodegenConfig = {
  schema: "../schema.graphql",
  documents: ["src/**/*.{ts,tsx}", "!src/gql/**/*"],
  ignoreNoDocuments: false,
  generates: {
    "./src/gql/": {
      preset: "client",
      config: {
        scalars: { Date: "string", Decimal: "string", DateTime: "string", JSON: "unknown" },
        enumsAsTypes: true,
        useTypeImports: true,
      },
      // Trusted documents: every operation's SHA-256 goes into
      // src/gql/persisted-documents.json, which the gateway compiles in; the console
      // sends only the hash. urql reads __typename, so the stored documents carry it.
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: "sha256" } },
      documentTransforms: [addTypenameSelectionDocumentTransform],
    },
  },
};

export default config;
