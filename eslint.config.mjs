import js from "@eslint/js";
import tseslint from "typescript-eslint";
import drizzle from "eslint-plugin-drizzle";
import reactHooks from "eslint-plugin-react-hooks";

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "db/migrations/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
      "e2e/.artifacts/**",
      ".reports/**",
      "server/http/api-v1/client/openapi-types.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        URL: "readonly",
        Buffer: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
      },
    },
    plugins: { drizzle, "react-hooks": reactHooks },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["../*"], message: "Use the @/ alias." }] },
      ],
    },
  },
  {
    files: ["**/*.ts", "**/*.tsx", "**/*.mts"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
    },
  },
  {
    // A promise-returning service is declared async, so the service-shape test sees it.
    files: ["server/services/**/*.ts"],
    ignores: ["server/services/**/*.test.ts"],
    rules: { "@typescript-eslint/promise-function-async": "error" },
  },
  {
    files: ["**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { require: "readonly", module: "writable" },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["server/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "next",
                "next/*",
                "@trpc/*",
                "inngest",
                "inngest/*",
                "socket.io",
                "socket.io-client",
                "drizzle-orm",
                "drizzle-orm/*",
                "postgres",
                "@electric-sql/*",
                "@/db",
                "@/db/*",
                "@/server/services/*",
                "@/server/trpc/*",
                "@/server/realtime/*",
                "@/server/jobs/*",
                "node:*",
              ],
              message: "server/domain is pure: no framework, database or I/O imports.",
            },
          ],
        },
      ],
    },
  },
);
