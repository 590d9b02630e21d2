/** Schema of `scheduleParams`: the standard time-window form and the ADVANCE query-template form. */
import { str, type JSONSchema } from './common';

const FORMAT_HELP = '.NET date format, e.g. yyyy-MM-ddTHH:mm:ssZ (the default).';

/** `scheduleParams`: standard form (start/end parameter names) or `type: "ADVANCE"`. */
export const scheduleSchema: JSONSchema = {
  type: 'object',
  title: 'Schedule window',
  description: "How each run's time window is written into the request.",
  properties: {
    type: {
      title: 'Form',
      description: 'Leave empty for start/end parameters; ADVANCE for a query template.',
      anyOf: [
        { const: 'ADVANCE', title: 'ADVANCE (query template)' },
        { const: 'advance', title: 'advance (legacy)' },
      ],
    },
    scheduleStartParamName: str(
      'Start parameter',
      'Query parameter carrying the window start, e.g. since_last_changed.',
    ),
    scheduleEndParamName: str(
      'End parameter',
      'Query parameter carrying the window end, e.g. before_last_changed.',
    ),
    scheduleStartParamFormat: str('Start format', FORMAT_HELP),
    scheduleEndParamFormat: str('End format', FORMAT_HELP),
    paramFormat: str('Date format', `Format of {START_TIME} and {END_TIME}. ${FORMAT_HELP}`),
    incremental: str(
      'Incremental query',
      'Template for incremental runs, e.g. updated > {START_TIME} updated < {END_TIME}; replaces {SCHEDULE_QUERY}.',
    ),
    backfill: str('Backfill query', 'Template for the first (historical) run, e.g. updated < {END_TIME}.'),
  },
  if: { properties: { type: { enum: ['ADVANCE', 'advance'] } }, required: ['type'] },
  then: { required: ['paramFormat', 'incremental'] },
  else: { required: ['scheduleStartParamName', 'scheduleEndParamName'] },
};
