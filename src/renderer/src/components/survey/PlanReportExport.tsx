import type { SurveyProject } from '../../../../shared/plan'
import { useApi } from '../../hooks/useApi'
import { FileExport, type ExportChoice } from './FileExport'

const PLAN_REPORTS: readonly ExportChoice<'html' | 'pdf'>[] = [
  { format: 'html', label: 'Plan report (HTML)' },
  { format: 'pdf', label: 'Plan report (PDF)' }
]

/** The floor-plan report of the project being edited: one plan page per door, HTML or PDF, saved under the user-data reports folder. */
export function PlanReportExport({ project }: { project: SurveyProject }) {
  const api = useApi()
  return (
    <FileExport
      choices={PLAN_REPORTS}
      save={(format) => {
        // The report is vector only: the embedded image is not sent.
        const { image: _image, ...plan } = project.plan
        return api.ble.exportPlanReport({ project: { ...project, plan }, format })
      }}
    />
  )
}
