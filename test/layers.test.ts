/**
 * The lint rules that keep the layers (eslint.config.mjs, docs/architecture.md), tried the way a
 * newcomer would break them: one deliberately wrong module per layer, linted as if it sat at that
 * path, must be refused with the rule that names the mistake, and the same module written the right
 * way must pass. Lint does not depend on the database driver, so it runs in the pglite project only.
 */
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

let eslint: ESLint;
beforeAll(() => {
  // no-cycle reads the linted file from disk, and these files exist only as text: it is off here.
  eslint = new ESLint({ cwd: process.cwd(), overrideConfig: { rules: { "import/no-cycle": "off" } } });
});

async function rulesBroken(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return [...new Set(result!.messages.map((m) => m.ruleId ?? m.message))].sort();
}

const lint = describe.runIf(process.env.TEST_DRIVER === "pglite");

lint("the layers", () => {
  it.each([
    ["db/ importing lib/", "db/wrong.ts", 'import { log } from "@/lib/log";\nexport const x = log;\n'],
    ["lib/ importing components/", "lib/wrong.ts", 'import { cn } from "@/components/ui/cn";\nexport const x = cn;\n'],
    ["lib/ importing app/", "lib/wrong.ts", 'import { GET } from "@/app/api/me/route";\nexport const x = GET;\n'],
    [
      "components/ importing app/",
      "components/wrong.tsx",
      'import RootLayout from "@/app/layout";\nexport const x = RootLayout;\n',
    ],
  ])("refuses %s", async (_, file, code) => {
    expect(await rulesBroken(file, code)).toContain("import/no-restricted-paths");
  });

  it.each([
    [
      "app/ importing components/ and lib/",
      "app/right.tsx",
      'import { cn } from "@/components/ui/cn";\nimport { text } from "@/lib/inputs";\nexport const x = [cn, text];\n',
    ],
    [
      "components/ importing lib/",
      "components/right.tsx",
      'import { text } from "@/lib/inputs";\nexport const x = text;\n',
    ],
    [
      "lib/ importing db/ types",
      "lib/right.ts",
      'import type { Database } from "@/db/client";\nexport type X = Database;\n',
    ],
  ])("allows %s", async (_, file, code) => {
    expect(await rulesBroken(file, code)).toEqual([]);
  });
});

lint("test helpers", () => {
  it("may not be imported by shipped code", async () => {
    const code = 'import { uniqueIp } from "@/test/factories";\nexport const x = uniqueIp;\n';
    expect(await rulesBroken("lib/wrong.ts", code)).toContain("no-restricted-imports");
  });

  it("may be imported by a test beside the code", async () => {
    const code = 'import { uniqueIp } from "@/test/factories";\nexport const x = uniqueIp;\n';
    expect(await rulesBroken("lib/right.test.ts", code)).toEqual([]);
  });
});

lint("server-only", () => {
  it("is required of a module that reaches the database", async () => {
    const code = 'import { getDb } from "@/lib/db";\nexport const x = getDb;\n';
    expect(await rulesBroken("lib/wrong.ts", code)).toEqual(["clientele/server-only"]);
  });

  it("is required of a module that reads the environment", async () => {
    const code = 'import { env } from "@/lib/env";\nexport const x = env;\n';
    expect(await rulesBroken("app/wrong.ts", code)).toEqual(["clientele/server-only"]);
  });

  it("is satisfied by the marker, and not asked of a type-only import", async () => {
    const marked = 'import "server-only";\nimport { getDb } from "@/lib/db";\nexport const x = getDb;\n';
    expect(await rulesBroken("lib/right.ts", marked)).toEqual([]);
    const typeOnly = 'import type { Database } from "@/db/client";\nexport type X = Database;\n';
    expect(await rulesBroken("lib/right.ts", typeOnly)).toEqual([]);
  });
});
