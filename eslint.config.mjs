/**
 * ESLint: Next's rules (React, hooks, accessibility, core web vitals), typescript-eslint, and the
 * rules that keep the layers (docs/architecture.md):
 *
 *   app -> components -> lib -> db        an arrow is "may import"; nothing imports upwards
 *   test/ and e2e/ are for tests           no shipped module imports them
 *   server-only                            a module that reaches the database or a secret says so,
 *                                          so a client component importing it fails the build
 *
 * Formatting is Prettier's (eslint-config-prettier turns off the rules it owns).
 */
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

/** Files that are tests or test helpers, where test/ may be imported. */
const TEST_FILES = ["**/*.test.ts", "**/*.test.tsx", "test/**", "e2e/**", "playwright.config.ts", "vitest.config.ts"];

/**
 * Imports that touch the database or a secret at run time. `import type` is exempt (it leaves no
 * code behind), and so is drizzle-orm/pg-core: table and enum declarations run no query.
 */
const SERVER_ONLY_SOURCES = [
  /^@\/db\/(client|prepared|migrate)$/,
  /^@\/lib\/(env|db)$/,
  /^drizzle-orm(\/(node-postgres|pglite|neon-serverless))?$/,
  /^(pg|@neondatabase\/serverless|@electric-sql\/pglite|amqplib|@node-rs\/argon2)$/,
];

const serverOnly = {
  meta: {
    type: "problem",
    docs: { description: "A module that touches the database or a secret imports 'server-only'." },
    messages: {
      missing:
        'This module imports {{source}}, so it runs only on the server: add `import "server-only";` ' +
        "so that a client component importing it fails the build instead of shipping it to the browser.",
    },
    schema: [],
  },
  create(context) {
    let marked = false;
    const touching = [];
    return {
      ImportDeclaration(node) {
        const source = node.source.value;
        if (source === "server-only") marked = true;
        const typeOnly =
          node.importKind === "type" ||
          (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === "type"));
        if (!typeOnly && SERVER_ONLY_SOURCES.some((pattern) => pattern.test(source))) touching.push(node);
      },
      "Program:exit"() {
        if (!marked && touching.length > 0) {
          context.report({ node: touching[0], messageId: "missing", data: { source: touching[0].source.value } });
        }
      },
    };
  },
};

const layer = (target, from, message) => ({ target, from, message });

const config = [
  ...nextVitals,
  ...nextTs,
  prettier,
  {
    ignores: [".next/**", ".data/**", "node_modules/**", "drizzle/**", "next-env.d.ts", "playwright-report/**"],
  },
  {
    plugins: { clientele: { rules: { "server-only": serverOnly } } },
    // Cycles are found among our own modules; parsing node_modules for them costs a minute.
    settings: { "import/ignore": ["node_modules", "\\.(css|json)$"] },
    rules: {
      "@typescript-eslint/consistent-type-imports": [
        "error",
        // `importOriginal<typeof import("…")>()` is how Vitest types a partial mock.
        { fixStyle: "inline-type-imports", disallowTypeAnnotations: false },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "import/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    // Tests sit beside the code they test and may call a route handler in app/; they are not shipped.
    ignores: TEST_FILES,
    rules: {
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            layer("./db", ["./lib", "./components", "./app"], "db/ is the bottom layer: it imports no other layer."),
            layer("./lib", ["./components", "./app"], "lib/ is below components/ and app/: pass what it needs in."),
            layer("./components", "./app", "components/ never import app/: move the shared piece to lib/."),
          ],
        },
      ],
    },
  },
  {
    files: ["app/**", "components/**", "lib/**", "db/**", "proxy.ts", "instrumentation.ts", "scripts/*.ts"],
    ignores: TEST_FILES,
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^(@/|\\.\\./)+(test|e2e)/", message: "Shipped code never imports test helpers." }] },
      ],
    },
  },
  {
    files: ["lib/**", "db/**", "app/**"],
    ignores: TEST_FILES,
    rules: { "clientele/server-only": "error" },
  },
  {
    // useDatabase() and friends in tests are not React hooks.
    files: TEST_FILES,
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
];

export default config;
