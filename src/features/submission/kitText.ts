/**
 * The words of a kit check that only the core has (a bad source name, an unknown category, an icon
 * the screen refused, uiAttributes advice, a spec that is not JSON) in the chosen language, from the
 * check's code and params; without a code the app knows, the core's English message.
 */
import type { DiagnosticParams, KitCheck, KitCheckItem } from '@core';
import { currentLocale, t } from '../../i18n';
import { parseErrorText } from '../../i18n/diagnostics';
import { paramNumber as num, paramText as str, selectKey } from '../../i18n/params';

/** An icon refused by the core's screen (`SvgScreenResult` code and params). */
export function svgRefusalText(
  code: string | undefined,
  p: DiagnosticParams | undefined,
  fallback: string,
): string {
  const line = str(p, 'line');
  switch (code) {
    case 'too-large':
      return t('tools.kit.check.iconTooLarge', { kb: num(p, 'kb'), limit: num(p, 'limit') });
    case 'not-utf8':
      return t('tools.kit.svg.notUtf8');
    case 'empty':
      return t('tools.kit.svg.empty');
    case 'not-xml':
      return t('tools.kit.svg.notXml', { error: str(p, 'error'), line });
    case 'doctype':
      return t('tools.kit.svg.doctype', { line });
    case 'processing-instruction':
      return t('tools.kit.svg.processingInstruction', { target: str(p, 'target'), line });
    case 'not-svg-root':
      return str(p, 'namespace') === ''
        ? t('tools.kit.svg.notSvgRoot', { element: str(p, 'element'), svgNamespace: str(p, 'svgNamespace') })
        : t('tools.kit.svg.notSvgRootIn', {
            element: str(p, 'element'),
            namespace: str(p, 'namespace'),
            svgNamespace: str(p, 'svgNamespace'),
          });
    case 'element':
      return t('tools.kit.svg.element', { element: str(p, 'element'), line });
    case 'attribute':
      return str(p, 'problem') === 'animation'
        ? t('tools.kit.svg.animation', { value: str(p, 'value'), element: str(p, 'element'), line })
        : t('tools.kit.svg.attribute', {
            problem: selectKey(str(p, 'problem')),
            element: str(p, 'element'),
            attribute: str(p, 'attribute'),
            value: str(p, 'value'),
            line,
          });
    case 'style':
      return t('tools.kit.svg.style', {
        problem: selectKey(str(p, 'problem')),
        value: str(p, 'value'),
        line,
      });
    case 'unreadable':
      return t('tools.kit.svg.unreadable', { error: str(p, 'error') });
    default:
      return fallback;
  }
}

/** The word for a kit field (`label`, `description`, `icon`) of a uiAttributes problem. */
function itemText(i: KitCheckItem): string {
  const p = i.params;
  switch (i.code) {
    case 'ui-no-key-or-text':
      return t('tools.kit.ui.noKeyOrText', { field: str(p, 'field') });
    case 'ui-key-mismatch':
      return t('tools.kit.ui.keyMismatch', {
        field: str(p, 'field'),
        key: str(p, 'key'),
        source: str(p, 'source'),
        expected: str(p, 'expected'),
      });
    case 'ui-text-differs':
      return t('tools.kit.ui.textDiffers', { field: str(p, 'field') });
    case 'ui-no-category':
      return t('tools.kit.ui.noCategory', { key: str(p, 'key') });
    case 'ui-category-mismatch':
      return t('tools.kit.ui.categoryMismatch', { value: str(p, 'value'), kit: str(p, 'kit') });
    default:
      return i.message;
  }
}

/** A check's message from its code, else the core's words. */
export function kitCodeText(c: KitCheck): string {
  const p = c.params;
  switch (c.code) {
    case 'spec-invalid-json':
      return t('tools.kit.check.specInvalidJson', {
        line: str(p, 'line'),
        error: c.parseError ? parseErrorText(c.parseError) : str(p, 'error'),
      });
    case 'spec-not-connection-spec':
      return str(p, 'why') || c.message;
    case 'source-empty':
      return t('tools.kit.check.sourceEmpty');
    case 'source-bad-char':
      return t('tools.kit.check.sourceBadChar', { char: str(p, 'char'), upper: str(p, 'upper') });
    case 'source-dash-ends':
      return t('tools.kit.check.sourceDashEnds');
    case 'source-double-dash':
      return t('tools.kit.check.sourceDoubleDash');
    case 'source-too-short':
      return t('tools.kit.check.sourceTooShort', { min: num(p, 'min') });
    case 'source-too-long':
      return t('tools.kit.check.sourceTooLong', { length: str(p, 'length'), max: str(p, 'max') });
    case 'category-unknown':
      return t('tools.kit.check.categoryUnknown', { category: str(p, 'category'), keys: str(p, 'keys') });
    case 'icon-refused':
      return svgRefusalText(str(p, 'reason'), p, c.message);
    case 'ui-problems': {
      const sep = currentLocale() === 'zh-Hant' ? '；' : '; ';
      return c.items ? c.items.map(itemText).join(sep) : c.message;
    }
    default:
      return c.message;
  }
}
