/**
 * exceljs 4.4 reads a number format code with every backslash removed (`\5` becomes `5`, `0\0` becomes `00`),
 * while Excel and LibreOffice apply the code as the file has it: a format that prints another figure than
 * the signed one could then look harmless to verification. Reading keeps the code exactly as written in
 * xl/styles.xml; writing is unchanged (exceljs writes codes as given). Imported for its effect by the
 * modules that read cells' formats.
 */
import { createRequire } from 'node:module';

interface NumFmtNode {
  name: string;
  attributes: { numFmtId: string; formatCode: string };
}

// Not named `require`: the Electron main bundle declares its own `require` shim in the same scope.
const requireCommonJs = createRequire(import.meta.url);
const NumFmtXform = requireCommonJs('exceljs/lib/xlsx/xform/style/numfmt-xform.js') as {
  prototype: { parseOpen(node: NumFmtNode): boolean; model: unknown };
};

NumFmtXform.prototype.parseOpen = function parseOpen(this: { model: unknown }, node: NumFmtNode): boolean {
  if (node.name !== 'numFmt') return false;
  this.model = { id: parseInt(node.attributes.numFmtId, 10), formatCode: node.attributes.formatCode };
  return true;
};
