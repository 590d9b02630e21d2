/**
 * Korean for the messages of Monaco’s JSON language worker (src/lib/jsonWorkerL10n.ts): the
 * language service’s English, exactly as its `t(…)` calls write it → Korean. `{0}`, `{1}`: its
 * arguments. tests/app/monaco-nls.test.ts fails when a Monaco upgrade rewords one of these texts.
 */
const messages: Readonly<Record<string, string>> = {
  'Invalid color format. Use #RGB, #RGBA, #RRGGBB or #RRGGBBAA.':
    '색 형식이 잘못되었습니다. #RGB, #RGBA, #RRGGBB 또는 #RRGGBBAA를 사용하세요.',
  'String is not a RFC3339 date-time.': '문자열이 RFC3339 날짜-시간이 아닙니다.',
  'String is not a RFC3339 date.': '문자열이 RFC3339 날짜가 아닙니다.',
  'String is not a RFC3339 time.': '문자열이 RFC3339 시간이 아닙니다.',
  'String is not an e-mail address.': '문자열이 전자 메일 주소가 아닙니다.',
  'String is not a hostname.': '문자열이 호스트 이름이 아닙니다.',
  'String is not an IPv4 address.': '문자열이 IPv4 주소가 아닙니다.',
  'String is not an IPv6 address.': '문자열이 IPv6 주소가 아닙니다.',
  'Value is not accepted. Valid values: {0}.': '허용되지 않는 값입니다. 유효한 값: {0}.',
  'Incorrect type. Expected one of {0}.': '잘못된 형식입니다. {0} 중 하나가 필요합니다.',
  'Incorrect type. Expected "{0}".': '잘못된 형식입니다. "{0}"이(가) 필요합니다.',
  'Matches a schema that is not allowed.': '허용되지 않는 스키마와 일치합니다.',
  'Matches multiple schemas when only one must validate.':
    '스키마 하나만 일치해야 하는데 여러 스키마와 일치합니다.',
  'Value must be {0}.': '값은 {0}이어야 합니다.',
  'Value is deprecated': '사용되지 않는 값입니다',
  'Value is not divisible by {0}.': '값을 {0}(으)로 나눌 수 없습니다.',
  'Value is below the exclusive minimum of {0}.': '값이 배타적 최솟값 {0} 이하입니다.',
  'Value is above the exclusive maximum of {0}.': '값이 배타적 최댓값 {0} 이상입니다.',
  'Value is below the minimum of {0}.': '값이 최솟값 {0}보다 작습니다.',
  'Value is above the maximum of {0}.': '값이 최댓값 {0}보다 큽니다.',
  'String is shorter than the minimum length of {0}.': '문자열이 최소 길이 {0}보다 짧습니다.',
  'String is longer than the maximum length of {0}.': '문자열이 최대 길이 {0}보다 깁니다.',
  'String does not match the pattern of "{0}".': '문자열이 "{0}" 패턴과 일치하지 않습니다.',
  'URI expected.': 'URI가 필요합니다.',
  'URI is expected.': 'URI가 필요합니다.',
  'URI with a scheme is expected.': '스킴이 있는 URI가 필요합니다.',
  'String is not a URI: {0}': '문자열이 URI가 아닙니다. {0}',
  'Array has too many items according to schema. Expected {0} or fewer.':
    '스키마에 비해 배열 항목이 너무 많습니다. {0}개 이하여야 합니다.',
  'Array does not contain required item.': '배열에 필수 항목이 없습니다.',
  'Array has too few items that match the contains contraint. Expected {0} or more.':
    'contains 제약 조건과 일치하는 배열 항목이 너무 적습니다. {0}개 이상이어야 합니다.',
  'Array has too many items that match the contains contraint. Expected {0} or less.':
    'contains 제약 조건과 일치하는 배열 항목이 너무 많습니다. {0}개 이하여야 합니다.',
  'Item does not match any validation rule from the array.':
    '항목이 배열의 어떤 유효성 검사 규칙과도 일치하지 않습니다.',
  'Array has too few items. Expected {0} or more.': '배열 항목이 너무 적습니다. {0}개 이상이어야 합니다.',
  'Array has too many items. Expected {0} or fewer.': '배열 항목이 너무 많습니다. {0}개 이하여야 합니다.',
  'Array has duplicate items.': '배열에 중복 항목이 있습니다.',
  'Missing property "{0}".': '"{0}" 속성이 없습니다.',
  'Property {0} is not allowed.': '{0} 속성은 허용되지 않습니다.',
  'Object has more properties than limit of {0}.': '개체의 속성 수가 제한({0})을 넘습니다.',
  'Object has fewer properties than the required number of {0}':
    '개체의 속성 수가 필요한 수({0})보다 적습니다',
  'Object is missing property {0} required by property {1}.': '개체에 {1} 속성에 필요한 {0} 속성이 없습니다.',
  'Invalid unicode sequence in string.': '문자열에 잘못된 유니코드 시퀀스가 있습니다.',
  'Invalid escape character in string.': '문자열에 잘못된 이스케이프 문자가 있습니다.',
  'Unexpected end of number.': '숫자가 예기치 않게 끝났습니다.',
  'Unexpected end of comment.': '주석이 예기치 않게 끝났습니다.',
  'Unexpected end of string.': '문자열이 예기치 않게 끝났습니다.',
  'Invalid characters in string. Control characters must be escaped.':
    '문자열에 잘못된 문자가 있습니다. 제어 문자는 이스케이프해야 합니다.',
  'Value expected': '값이 필요합니다',
  'Trailing comma': '후행 쉼표',
  'Expected comma': '쉼표가 필요합니다',
  'Expected comma or closing bracket': '쉼표 또는 닫는 대괄호가 필요합니다',
  'Property keys must be doublequoted': '속성 키는 큰따옴표로 묶어야 합니다',
  'Duplicate object key': '중복된 개체 키',
  'Colon expected': '콜론이 필요합니다',
  'Property expected': '속성이 필요합니다',
  'Expected comma or closing brace': '쉼표 또는 닫는 중괄호가 필요합니다',
  'Invalid number format.': '숫자 형식이 잘못되었습니다.',
  'Expected a JSON object, array or literal.': 'JSON 개체, 배열 또는 리터럴이 필요합니다.',
  'End of file expected.': '파일 끝이 필요합니다.',
  'Comments are not permitted in JSON.': 'JSON에서는 주석을 사용할 수 없습니다.',
  'Default value': '기본값',
  'New object': '새 개체',
  'New array': '새 배열',
  '<empty>': '<비어 있음>',
  "Unable to load schema from '{0}'. No schema request service available":
    "'{0}'에서 스키마를 로드할 수 없습니다. 스키마 요청 서비스를 사용할 수 없습니다",
  "Unable to load schema from '{0}': No content.": "'{0}'에서 스키마를 로드할 수 없습니다. 내용이 없습니다.",
  "Problem reading content from '{0}': UTF-8 with BOM detected, only UTF 8 is allowed.":
    "'{0}'의 내용을 읽는 중 문제가 발생했습니다. BOM이 있는 UTF-8이 감지되었습니다. UTF 8만 허용됩니다.",
  "Unable to parse content from '{0}': Parse error at offset {1}.":
    "'{0}'의 내용을 구문 분석할 수 없습니다. 오프셋 {1}에서 구문 분석 오류가 발생했습니다.",
  "Unable to load schema from '{0}': {1}.": "'{0}'에서 스키마를 로드할 수 없습니다. {1}.",
  'Draft-03 schemas are not supported.': 'Draft-03 스키마는 지원되지 않습니다.',
  "$ref '{0}' in '{1}' can not be resolved.": "'{1}'의 $ref '{0}'을(를) 확인할 수 없습니다.",
  "Problems loading reference '{0}': {1}": "참조 '{0}'을(를) 로드하는 중 문제 발생: {1}",
  "Duplicate anchor declaration: '{0}'": "중복된 앵커 선언: '{0}'",
  'The schema uses meta-schema features ({0}) that are not yet supported by the validator.':
    '스키마가 유효성 검사기에서 아직 지원하지 않는 메타 스키마 기능({0})을 사용합니다.',
};
export default messages;
