/**
 * rjsf's own words (buttons, labels, notices of its built-in fields and widgets) in the chosen
 * language: the forms' `translateString`. `%1`, `%2`, `%3` become the arguments `{p1}`, `{p2}`, `{p3}`.
 * "New Value" stays English: it is the value rjsf writes for a new key (spec content, not UI).
 */
import { englishStringTranslator, TranslatableString as S } from '@rjsf/utils';
import { t } from '../../i18n';

export function translateRjsfString(str: S, params?: string[]): string {
  const v = { p1: params?.[0] ?? '', p2: params?.[1] ?? '', p3: params?.[2] ?? '' };
  switch (str) {
    case S.ArrayItemTitle:
      return t('form.rjsf.arrayItemTitle');
    case S.MissingItems:
      return t('form.rjsf.missingItems');
    case S.EmptyArray:
      return t('form.rjsf.emptyArray');
    case S.YesLabel:
      return t('form.rjsf.yes');
    case S.NoLabel:
      return t('form.rjsf.no');
    case S.CloseLabel:
      return t('form.rjsf.close');
    case S.ErrorsLabel:
      return t('form.rjsf.errors');
    case S.AddButton:
      return t('form.rjsf.add');
    case S.AddItemButton:
      return t('form.rjsf.addItem');
    case S.CopyButton:
      return t('form.rjsf.copy');
    case S.ExpandButton:
      return t('form.rjsf.expandCycle');
    case S.MoveDownButton:
      return t('form.rjsf.moveDown');
    case S.MoveUpButton:
      return t('form.rjsf.moveUp');
    case S.RemoveButton:
      return t('form.rjsf.remove');
    case S.NowLabel:
      return t('form.rjsf.now');
    case S.ClearLabel:
      return t('form.rjsf.clear');
    case S.AriaDateLabel:
      return t('form.rjsf.selectDate');
    case S.PreviewLabel:
      return t('form.rjsf.preview');
    case S.DecrementAriaLabel:
      return t('form.rjsf.decrement');
    case S.IncrementAriaLabel:
      return t('form.rjsf.increment');
    case S.OptionalObjectAdd:
      return t('form.rjsf.optionalAdd');
    case S.OptionalObjectRemove:
      return t('form.rjsf.optionalRemove');
    case S.OptionalObjectEmptyMsg:
      return t('form.rjsf.optionalEmpty');
    case S.Type:
      return t('form.rjsf.type');
    case S.Value:
      return t('form.rjsf.value');
    case S.ClearButton:
      return t('form.rjsf.clearInput');
    case S.UnknownFieldType:
      return t('form.rjsf.unknownFieldType', v);
    case S.OptionPrefix:
      return t('form.rjsf.optionPrefix', v);
    case S.TitleOptionPrefix:
      return t('form.rjsf.titleOptionPrefix', v);
    case S.KeyLabel:
      return t('form.rjsf.keyLabel', v);
    case S.DeprecatedLabel:
      return t('form.rjsf.deprecated', v);
    case S.CycleDetected:
      return t('form.rjsf.cycleDetected', v);
    case S.InvalidObjectField:
      return t('form.rjsf.invalidObjectField', v);
    case S.UnsupportedField:
      return t('form.rjsf.unsupportedField');
    case S.UnsupportedFieldWithId:
      return t('form.rjsf.unsupportedFieldWithId', v);
    case S.UnsupportedFieldWithReason:
      return t('form.rjsf.unsupportedFieldWithReason', v);
    case S.UnsupportedFieldWithIdAndReason:
      return t('form.rjsf.unsupportedFieldWithIdAndReason', v);
    case S.FilesInfo:
      return t('form.rjsf.filesInfo', v);
    default:
      // NewStringDefault (a value written into the spec) and strings of a newer rjsf: English.
      return englishStringTranslator(str, params);
  }
}
