import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Tabs } from '../../components/Tabs.tsx';
import type { EventData } from '../event-data.ts';
import { NomineeList } from '../NomineeList.tsx';
import { BasicsForm } from './BasicsForm.tsx';
import { ConflictsView } from './ConflictsView.tsx';
import { CriteriaView } from './CriteriaView.tsx';
import { JurorsView } from './JurorsView.tsx';
import { PackageView } from './PackageView.tsx';
import { PaperView } from './PaperView.tsx';
import { ResultsView } from './ResultsView.tsx';
import { SheetsView } from './SheetsView.tsx';
// Issue 16: the audit before the penetapan, and the penetapan.
import { AuditView } from './AuditView.tsx';
import { PenetapanView } from './PenetapanView.tsx';
import { AttendanceView } from './AttendanceView.tsx';

/** The secretariat's workspace for one event it prepares. */
export function SecretariatEvent({ data }: { data: EventData }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState('overview');
  return (
    <Tabs
      label={t('secretariat.tabs')}
      selected={tab}
      onSelect={setTab}
      tabs={[
        {
          id: 'overview',
          label: t('secretariat.tab.overview'),
          content: () => <NomineeList categories={data.categories} nominees={data.nominees} />,
        },
        { id: 'basics', label: t('secretariat.tab.basics'), content: () => <BasicsForm event={data.event} /> },
        { id: 'criteria', label: t('secretariat.tab.criteria'), content: () => <CriteriaView event={data.event} /> },
        { id: 'jurors', label: t('secretariat.tab.jurors'), content: () => <JurorsView event={data.event} /> },
        { id: 'conflicts', label: t('secretariat.tab.conflicts'), content: () => <ConflictsView event={data.event} /> },
        { id: 'package', label: t('secretariat.tab.package'), content: () => <PackageView summary={data.summary} /> },
        { id: 'sheets', label: t('secretariat.tab.sheets'), content: () => <SheetsView event={data.event} /> },
        { id: 'paper', label: t('secretariat.tab.paper'), content: () => <PaperView event={data.event} /> },
        { id: 'results', label: t('secretariat.tab.results'), content: () => <ResultsView event={data.event} /> },
        { id: 'attendance', label: t('shape.tab.attendance'), content: () => <AttendanceView event={data.event} /> },
        { id: 'audit', label: t('shape.tab.audit'), content: () => <AuditView event={data.event} /> },
        { id: 'penetapan', label: t('shape.tab.penetapan'), content: () => <PenetapanView event={data.event} /> },
      ]}
    />
  );
}
