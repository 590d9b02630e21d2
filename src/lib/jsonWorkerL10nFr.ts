/**
 * French for the messages of Monaco’s JSON language worker (src/lib/jsonWorkerL10n.ts): the
 * language service’s English, exactly as its `t(…)` calls write it → French. `{0}`, `{1}`: its
 * arguments. tests/app/monaco-nls.test.ts fails when a Monaco upgrade rewords one of these texts.
 */
const messages: Readonly<Record<string, string>> = {
  'Invalid color format. Use #RGB, #RGBA, #RRGGBB or #RRGGBBAA.':
    'Format de couleur non valide. Utilisez #RGB, #RGBA, #RRGGBB ou #RRGGBBAA.',
  'String is not a RFC3339 date-time.': 'La chaîne n’est pas une date-heure RFC3339.',
  'String is not a RFC3339 date.': 'La chaîne n’est pas une date RFC3339.',
  'String is not a RFC3339 time.': 'La chaîne n’est pas une heure RFC3339.',
  'String is not an e-mail address.': 'La chaîne n’est pas une adresse e-mail.',
  'String is not a hostname.': 'La chaîne n’est pas un nom d’hôte.',
  'String is not an IPv4 address.': 'La chaîne n’est pas une adresse IPv4.',
  'String is not an IPv6 address.': 'La chaîne n’est pas une adresse IPv6.',
  'Value is not accepted. Valid values: {0}.': 'Valeur non acceptée. Valeurs valides : {0}.',
  'Incorrect type. Expected one of {0}.': 'Type incorrect. Attendu : l’un de {0}.',
  'Incorrect type. Expected "{0}".': 'Type incorrect. Attendu : "{0}".',
  'Matches a schema that is not allowed.': 'Correspond à un schéma non autorisé.',
  'Matches multiple schemas when only one must validate.':
    'Correspond à plusieurs schémas alors qu’un seul doit être validé.',
  'Value must be {0}.': 'La valeur doit être {0}.',
  'Value is deprecated': 'Valeur obsolète',
  'Value is not divisible by {0}.': 'La valeur n’est pas divisible par {0}.',
  'Value is below the exclusive minimum of {0}.': 'La valeur est inférieure au minimum exclusif de {0}.',
  'Value is above the exclusive maximum of {0}.': 'La valeur est supérieure au maximum exclusif de {0}.',
  'Value is below the minimum of {0}.': 'La valeur est inférieure au minimum de {0}.',
  'Value is above the maximum of {0}.': 'La valeur est supérieure au maximum de {0}.',
  'String is shorter than the minimum length of {0}.':
    'La chaîne est plus courte que la longueur minimale de {0}.',
  'String is longer than the maximum length of {0}.':
    'La chaîne est plus longue que la longueur maximale de {0}.',
  'String does not match the pattern of "{0}".': 'La chaîne ne correspond pas au modèle "{0}".',
  'URI expected.': 'URI attendu.',
  'URI is expected.': 'Un URI est attendu.',
  'URI with a scheme is expected.': 'Un URI avec un schéma est attendu.',
  'String is not a URI: {0}': 'La chaîne n’est pas un URI : {0}',
  'Array has too many items according to schema. Expected {0} or fewer.':
    'Le tableau a trop d’éléments selon le schéma. Attendu : {0} ou moins.',
  'Array does not contain required item.': 'Le tableau ne contient pas l’élément requis.',
  'Array has too few items that match the contains contraint. Expected {0} or more.':
    'Le tableau a trop peu d’éléments qui respectent la contrainte contains. Attendu : {0} ou plus.',
  'Array has too many items that match the contains contraint. Expected {0} or less.':
    'Le tableau a trop d’éléments qui respectent la contrainte contains. Attendu : {0} ou moins.',
  'Item does not match any validation rule from the array.':
    'L’élément ne correspond à aucune règle de validation du tableau.',
  'Array has too few items. Expected {0} or more.':
    'Le tableau a trop peu d’éléments. Attendu : {0} ou plus.',
  'Array has too many items. Expected {0} or fewer.': 'Le tableau a trop d’éléments. Attendu : {0} ou moins.',
  'Array has duplicate items.': 'Le tableau contient des éléments en double.',
  'Missing property "{0}".': 'Propriété "{0}" manquante.',
  'Property {0} is not allowed.': 'La propriété {0} n’est pas autorisée.',
  'Object has more properties than limit of {0}.': 'L’objet a plus de propriétés que la limite de {0}.',
  'Object has fewer properties than the required number of {0}':
    'L’objet a moins de propriétés que le nombre requis de {0}',
  'Object is missing property {0} required by property {1}.':
    'Il manque à l’objet la propriété {0}, requise par la propriété {1}.',
  'Invalid unicode sequence in string.': 'Séquence Unicode non valide dans la chaîne.',
  'Invalid escape character in string.': 'Caractère d’échappement non valide dans la chaîne.',
  'Unexpected end of number.': 'Fin de nombre inattendue.',
  'Unexpected end of comment.': 'Fin de commentaire inattendue.',
  'Unexpected end of string.': 'Fin de chaîne inattendue.',
  'Invalid characters in string. Control characters must be escaped.':
    'Caractères non valides dans la chaîne. Les caractères de contrôle doivent être échappés.',
  'Value expected': 'Valeur attendue',
  'Trailing comma': 'Virgule finale',
  'Expected comma': 'Virgule attendue',
  'Expected comma or closing bracket': 'Virgule ou crochet fermant attendu',
  'Property keys must be doublequoted': 'Les clés de propriété doivent être entre guillemets doubles',
  'Duplicate object key': 'Clé d’objet en double',
  'Colon expected': 'Deux-points attendu',
  'Property expected': 'Propriété attendue',
  'Expected comma or closing brace': 'Virgule ou accolade fermante attendue',
  'Invalid number format.': 'Format de nombre non valide.',
  'Expected a JSON object, array or literal.': 'Objet, tableau ou littéral JSON attendu.',
  'End of file expected.': 'Fin de fichier attendue.',
  'Comments are not permitted in JSON.': 'Les commentaires ne sont pas autorisés en JSON.',
  'Default value': 'Valeur par défaut',
  'New object': 'Nouvel objet',
  'New array': 'Nouveau tableau',
  '<empty>': '<vide>',
  "Unable to load schema from '{0}'. No schema request service available":
    "Impossible de charger le schéma depuis '{0}'. Aucun service de requête de schéma disponible",
  "Unable to load schema from '{0}': No content.":
    "Impossible de charger le schéma depuis '{0}' : aucun contenu.",
  "Problem reading content from '{0}': UTF-8 with BOM detected, only UTF 8 is allowed.":
    "Problème de lecture du contenu de '{0}' : UTF-8 avec BOM détecté, seul UTF 8 est autorisé.",
  "Unable to parse content from '{0}': Parse error at offset {1}.":
    "Impossible d’analyser le contenu de '{0}' : erreur d’analyse à la position {1}.",
  "Unable to load schema from '{0}': {1}.": "Impossible de charger le schéma depuis '{0}' : {1}.",
  'Draft-03 schemas are not supported.': 'Les schémas Draft-03 ne sont pas pris en charge.',
  "$ref '{0}' in '{1}' can not be resolved.": "Impossible de résoudre $ref '{0}' dans '{1}'.",
  "Problems loading reference '{0}': {1}": "Problèmes de chargement de la référence '{0}' : {1}",
  "Duplicate anchor declaration: '{0}'": "Déclaration d’ancre en double : '{0}'",
  'The schema uses meta-schema features ({0}) that are not yet supported by the validator.':
    'Le schéma utilise des fonctionnalités de méta-schéma ({0}) que le validateur ne prend pas encore en charge.',
};
export default messages;
