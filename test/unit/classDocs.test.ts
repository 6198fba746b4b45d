/**
 * The resource classes' TSDoc and the JSON schemas' descriptions (which the plugin's package schema, and so the
 * YAML/Python/Go/.NET docs, are made of) say the same thing: the schema's description is the text, and a class
 * or argument's TSDoc is that text, followed by what only the TypeScript front end adds (how it carries a secret
 * in its own input; examples). Read from the sources with the TypeScript compiler, as an editor shows them.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { descriptors, jsonSchemas, resourceKinds, type ResourceKind } from "../../provider/schema";

interface SchemaNode {
  description?: string;
  properties?: Record<string, SchemaNode>;
}

const resourcesDir = path.join(__dirname, "..", "..", "provider", "dynamic", "resources");
const normalized = (text: string) => text.replace(/\s+/g, " ").trim();

/** One documented thing: a class, or a member of its Args interface, with its TSDoc and its schema text. */
interface Documented {
  what: string;
  tsdoc: string;
  schema: string | undefined;
}

/** The Args interfaces the classes' own extend (`FlowArgs`: a flow's set, adopted id and destroy choice). */
const sharedArgsFile = path.join(__dirname, "..", "..", "provider", "dynamic", "flowResource.ts");

function interfacesOf(source: ts.SourceFile): Map<string, ts.InterfaceDeclaration> {
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  source.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node)) interfaces.set(node.name.text, node);
  });
  return interfaces;
}

/** An interface's members with those of the interfaces it extends (as each class's schema must describe them all). */
function membersOf(args: ts.InterfaceDeclaration, interfaces: Map<string, ts.InterfaceDeclaration>): ts.TypeElement[] {
  const inherited = (args.heritageClauses ?? []).flatMap((clause) =>
    clause.types.flatMap((t) => {
      const base = interfaces.get(t.expression.getText());
      if (base === undefined) throw new Error(`${args.name.text} extends ${t.expression.getText()}, not found`);
      return membersOf(base, interfaces);
    }),
  );
  return [...inherited, ...args.members];
}

function documented(): { entries: Documented[]; classes: string[] } {
  const entries: Documented[] = [];
  const classes: string[] = [];
  const shared = interfacesOf(ts.createSourceFile(sharedArgsFile, fs.readFileSync(sharedArgsFile, "utf8"), ts.ScriptTarget.Latest, true));
  for (const file of fs.readdirSync(resourcesDir).filter((f) => f.endsWith(".ts"))) {
    const source = ts.createSourceFile(file, fs.readFileSync(path.join(resourcesDir, file), "utf8"), ts.ScriptTarget.Latest, true);
    const interfaces = new Map<string, ts.InterfaceDeclaration>(shared);
    const exported: ts.ClassDeclaration[] = [];
    source.forEachChild((node) => {
      if (ts.isInterfaceDeclaration(node)) interfaces.set(node.name.text, node);
      if (ts.isClassDeclaration(node) && node.name && node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) exported.push(node);
    });
    for (const cls of exported) {
      const name = cls.name!.text;
      classes.push(name);
      const kind = resourceKinds.find((k) => descriptors[k].resourceName === name);
      const schema = kind === undefined ? undefined : (jsonSchemas[kind as ResourceKind] as SchemaNode);
      entries.push({ what: name, tsdoc: tsdocOf(cls), schema: schema?.description });
      // The arguments: `<Class>Args`, or the Args interface its constructor takes (the inbound flows share one).
      const argsType = constructorArgsType(cls) ?? `${name}Args`;
      const args = interfaces.get(argsType);
      if (args === undefined) throw new Error(`${file}: ${name} takes ${argsType}, not declared in the same file`);
      for (const member of membersOf(args, interfaces)) {
        const property = (member.name as ts.Identifier).text;
        entries.push({ what: `${name} argument ${property}`, tsdoc: tsdocOf(member), schema: schema?.properties?.[property]?.description });
      }
    }
  }
  return { entries, classes };
}

/** The TSDoc's text without its tags (`@example`, …). */
function tsdocOf(node: ts.Node): string {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  return normalized(docs.map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? "").join(" "));
}

function constructorArgsType(cls: ts.ClassDeclaration): string | undefined {
  const ctor = cls.members.find(ts.isConstructorDeclaration);
  const type = ctor?.parameters[1]?.type;
  return type !== undefined && ts.isTypeReferenceNode(type) ? type.typeName.getText() : undefined;
}

const { entries, classes } = documented();

test("every resource kind has its class, and every class is a kind's", () => {
  expect(classes.sort()).toEqual(resourceKinds.map((k) => descriptors[k].resourceName).sort());
});

test.each(entries.map((e) => [e.what, e] as const))("%s: its TSDoc begins with the schema's description", (_what, entry) => {
  expect(entry.schema).toBeDefined();
  expect({ what: entry.what, tsdoc: entry.tsdoc.slice(0, normalized(entry.schema!).length) }).toEqual({ what: entry.what, tsdoc: normalized(entry.schema!) });
});
