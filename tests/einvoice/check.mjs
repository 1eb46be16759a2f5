// An independent reader of our e-invoices: @fin.cx/einvoice (npm), which
// shares no code with partnerops. For each file named on the command line,
// a Factur-X PDF, a CII or a UBL document, it prints one line:
//
//   FILE: FORMAT NUMBER CURRENCY NET GROSS LINES valid
//   FILE: FORMAT NUMBER ... invalid: CODE message; CODE message
//
// and exits 1 when any file is invalid or unreadable. For a PDF the XML is
// the one the library's own extractor finds embedded in it.
//
// What is checked, all by the library: its XML syntax check; its business
// rules (for CII: BR-16, BR-CO-3, BR-S-1; for UBL: its EN 16931 rule set);
// and its EN 16931 mandatory-field check (BR-01 to BR-08 and the like) on
// the invoice it decoded (not for a UBL credit note, whose lines its
// decoder does not read). Version 5.0.3's CII "structure" level is left
// out: it looks for rsm:ExchangedDocument relative to the document node
// rather than the root element, so it rejects every CII document, its own
// output included.
import { EInvoice, ValidatorFactory } from '@fin.cx/einvoice';
import { EN16931Validator } from '@fin.cx/einvoice/dist_ts/formats/validation/en16931.validator.js';
import { readFile } from 'node:fs/promises';

// The library narrates its PDF extraction on the console; keep stdout for
// our one line per file.
const quiet = async (work) => {
  const saved = [console.log, console.warn, console.info];
  console.log = console.warn = console.info = () => {};
  try {
    return await work();
  } finally {
    [console.log, console.warn, console.info] = saved;
  }
};

const problems = (errors) => errors.map((e) => `${e.code} ${e.message}`);

async function check(file) {
  const bytes = await readFile(file);
  const invoice = await quiet(() =>
    file.endsWith('.pdf') ? EInvoice.fromPdf(bytes) : EInvoice.fromXml(bytes.toString('utf8')));
  const xml = invoice.getXml();
  const validator = ValidatorFactory.createValidator(xml);
  const errors = [];
  const syntax = validator.validate('syntax');
  errors.push(...problems(syntax.errors));
  const format = invoice.getFormat();
  if (format === 'ubl' || format === 'xrechnung') {
    errors.push(...problems(validator.validate('business').errors));
  } else {
    validator.errors = [];
    validator.validateBusinessRules();
    errors.push(...problems(validator.errors));
  }
  // Its UBL decoder reads cac:InvoiceLine only, so a UBL credit note
  // decodes without lines; its UBL rule set above checks them instead.
  const ublCreditNote = format === 'ubl' && /<(\w+:)?CreditNote[\s>]/.test(xml);
  if (!ublCreditNote) {
    try {
      EN16931Validator.validateMandatoryFields(invoice);
    } catch (e) {
      errors.push(...e.message.split('\n').slice(1));
    }
  }
  const unique = [...new Set(errors)];
  const summary = [format, invoice.id, invoice.currency, invoice.totalNet, invoice.totalGross,
                   invoice.items.length].join(' ');
  return { ok: unique.length === 0, line: `${file}: ${summary} ` +
           (unique.length === 0 ? 'valid' : 'invalid: ' + unique.join('; ')) };
}

let failed = false;
for (const file of process.argv.slice(2)) {
  try {
    const { ok, line } = await check(file);
    console.log(line);
    failed ||= !ok;
  } catch (e) {
    console.log(`${file}: unreadable: ${e.message.split('\n')[0]}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
