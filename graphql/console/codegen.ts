// Typed operations from the gateway's SDL (`graphql/schema.graphql`, written by
// `wohnweg schema`; a test fails when it is stale). The client preset generates the
// `graphql()` function and a type for every operation in src/: no response type is
// written by hand.
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "../schema.graphql",
  documents: ["src/**/*.tsx", "!src/gql/**/*"],
  ignoreNoDocuments: false,
  generates: {
    "./src/gql/": {
      preset: "client",
      config: {
        scalars: { Date: "string", Decimal: "string", DateTime: "string", JSON: "unknown" },
        enumsAsTypes: true,
        useTypeImports: true,
      },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;
