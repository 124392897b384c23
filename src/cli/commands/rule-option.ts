import { Option } from 'commander';

/** `--rule`: the merge rule a command reads the sheets by (merge, report, audit); the event's own when left out. */
export const mergeRuleOption = () =>
  new Option('--rule <rule>', "aturan penggabungan / merge rule (bawaan: aturan acara / default: the event's)").choices([
    'mean',
    'trimmed',
    'median',
    'zscore',
  ]);
