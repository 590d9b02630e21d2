/**
 * Swedish for the messages of Monaco’s JSON language worker (src/lib/jsonWorkerL10n.ts): the
 * language service’s English, exactly as its `t(…)` calls write it → Swedish. `{0}`, `{1}`: its
 * arguments. tests/app/monaco-nls.test.ts fails when a Monaco upgrade rewords one of these texts.
 */
const messages: Readonly<Record<string, string>> = {
  'Invalid color format. Use #RGB, #RGBA, #RRGGBB or #RRGGBBAA.':
    'Ogiltigt färgformat. Använd #RGB, #RGBA, #RRGGBB eller #RRGGBBAA.',
  'String is not a RFC3339 date-time.': 'Strängen är inte ett RFC3339-datum med tid.',
  'String is not a RFC3339 date.': 'Strängen är inte ett RFC3339-datum.',
  'String is not a RFC3339 time.': 'Strängen är inte en RFC3339-tid.',
  'String is not an e-mail address.': 'Strängen är inte en e-postadress.',
  'String is not a hostname.': 'Strängen är inte ett värdnamn.',
  'String is not an IPv4 address.': 'Strängen är inte en IPv4-adress.',
  'String is not an IPv6 address.': 'Strängen är inte en IPv6-adress.',
  'Value is not accepted. Valid values: {0}.': 'Värdet godtas inte. Giltiga värden: {0}.',
  'Incorrect type. Expected one of {0}.': 'Fel typ. Förväntade en av {0}.',
  'Incorrect type. Expected "{0}".': 'Fel typ. Förväntade "{0}".',
  'Matches a schema that is not allowed.': 'Matchar ett schema som inte är tillåtet.',
  'Matches multiple schemas when only one must validate.': 'Matchar flera scheman när bara ett får matcha.',
  'Value must be {0}.': 'Värdet måste vara {0}.',
  'Value is deprecated': 'Värdet är inaktuellt',
  'Value is not divisible by {0}.': 'Värdet är inte delbart med {0}.',
  'Value is below the exclusive minimum of {0}.': 'Värdet är under det exklusiva minimivärdet {0}.',
  'Value is above the exclusive maximum of {0}.': 'Värdet är över det exklusiva maximivärdet {0}.',
  'Value is below the minimum of {0}.': 'Värdet är under minimivärdet {0}.',
  'Value is above the maximum of {0}.': 'Värdet är över maximivärdet {0}.',
  'String is shorter than the minimum length of {0}.': 'Strängen är kortare än minimilängden {0}.',
  'String is longer than the maximum length of {0}.': 'Strängen är längre än maxlängden {0}.',
  'String does not match the pattern of "{0}".': 'Strängen matchar inte mönstret "{0}".',
  'URI expected.': 'URI förväntas.',
  'URI is expected.': 'En URI förväntas.',
  'URI with a scheme is expected.': 'En URI med schema förväntas.',
  'String is not a URI: {0}': 'Strängen är inte en URI: {0}',
  'Array has too many items according to schema. Expected {0} or fewer.':
    'Arrayen har fler element än schemat tillåter. Högst {0} förväntas.',
  'Array does not contain required item.': 'Arrayen innehåller inte det obligatoriska elementet.',
  'Array has too few items that match the contains contraint. Expected {0} or more.':
    'Arrayen har för få element som uppfyller villkoret contains. Minst {0} förväntas.',
  'Array has too many items that match the contains contraint. Expected {0} or less.':
    'Arrayen har för många element som uppfyller villkoret contains. Högst {0} förväntas.',
  'Item does not match any validation rule from the array.':
    'Elementet matchar ingen valideringsregel i arrayen.',
  'Array has too few items. Expected {0} or more.': 'Arrayen har för få element. Minst {0} förväntas.',
  'Array has too many items. Expected {0} or fewer.': 'Arrayen har för många element. Högst {0} förväntas.',
  'Array has duplicate items.': 'Arrayen har dubblettelement.',
  'Missing property "{0}".': 'Egenskapen "{0}" saknas.',
  'Property {0} is not allowed.': 'Egenskapen {0} är inte tillåten.',
  'Object has more properties than limit of {0}.': 'Objektet har fler egenskaper än gränsen {0}.',
  'Object has fewer properties than the required number of {0}':
    'Objektet har färre egenskaper än det krävda antalet {0}',
  'Object is missing property {0} required by property {1}.':
    'Objektet saknar egenskapen {0}, som krävs av egenskapen {1}.',
  'Invalid unicode sequence in string.': 'Ogiltig Unicode-sekvens i strängen.',
  'Invalid escape character in string.': 'Ogiltigt escape-tecken i strängen.',
  'Unexpected end of number.': 'Oväntat slut på talet.',
  'Unexpected end of comment.': 'Oväntat slut på kommentaren.',
  'Unexpected end of string.': 'Oväntat slut på strängen.',
  'Invalid characters in string. Control characters must be escaped.':
    'Ogiltiga tecken i strängen. Kontrolltecken måste skrivas som escape-sekvenser.',
  'Value expected': 'Värde förväntas',
  'Trailing comma': 'Avslutande kommatecken',
  'Expected comma': 'Kommatecken förväntas',
  'Expected comma or closing bracket': 'Kommatecken eller avslutande hakparentes förväntas',
  'Property keys must be doublequoted': 'Egenskapsnycklar måste stå inom dubbla citattecken',
  'Duplicate object key': 'Dubblerad objektnyckel',
  'Colon expected': 'Kolon förväntas',
  'Property expected': 'Egenskap förväntas',
  'Expected comma or closing brace': 'Kommatecken eller avslutande klammerparentes förväntas',
  'Invalid number format.': 'Ogiltigt talformat.',
  'Expected a JSON object, array or literal.': 'Ett JSON-objekt, en array eller en literal förväntas.',
  'End of file expected.': 'Filslut förväntas.',
  'Comments are not permitted in JSON.': 'Kommentarer är inte tillåtna i JSON.',
  'Default value': 'Standardvärde',
  'New object': 'Nytt objekt',
  'New array': 'Ny array',
  '<empty>': '<tom>',
  "Unable to load schema from '{0}'. No schema request service available":
    "Det gick inte att läsa in schemat från '{0}'. Ingen tjänst för schemabegäranden är tillgänglig",
  "Unable to load schema from '{0}': No content.":
    "Det gick inte att läsa in schemat från '{0}': inget innehåll.",
  "Problem reading content from '{0}': UTF-8 with BOM detected, only UTF 8 is allowed.":
    "Det gick inte att läsa innehållet från '{0}': UTF-8 med BOM hittades, endast UTF 8 tillåts.",
  "Unable to parse content from '{0}': Parse error at offset {1}.":
    "Det gick inte att tolka innehållet från '{0}': tolkningsfel vid position {1}.",
  "Unable to load schema from '{0}': {1}.": "Det gick inte att läsa in schemat från '{0}': {1}.",
  'Draft-03 schemas are not supported.': 'Scheman enligt Draft-03 stöds inte.',
  "$ref '{0}' in '{1}' can not be resolved.": "$ref '{0}' i '{1}' kan inte lösas upp.",
  "Problems loading reference '{0}': {1}": "Problem vid inläsning av referensen '{0}': {1}",
  "Duplicate anchor declaration: '{0}'": "Dubblerad ankardeklaration: '{0}'",
  'The schema uses meta-schema features ({0}) that are not yet supported by the validator.':
    'Schemat använder metaschemafunktioner ({0}) som valideraren ännu inte stöder.',
};
export default messages;
