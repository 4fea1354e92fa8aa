import type { SiteSummary } from '../../../shared/contract'
import type { Site } from '../../../shared/domain/site'
import { DoorModePill } from '../components/DoorMode'
import { Loaded } from '../components/Loaded'
import { Page } from '../components/Page'
import { useAppData } from '../hooks/useAppData'
import { idKey, indexSite, type SiteIndex } from '../siteIndex'
import { describeHolidays, describeWeekly } from '../siteText'

/** The open site at a glance: counts, doors, groups, schedules and credential types. */
export function OverviewPage() {
  const { summary, site } = useAppData()
  return (
    <Page slug="overview" title="Overview" lede="The open site: its doors, who may use them, and when.">
      <Loaded value={summary} what="the site summary">
        {(value) => <SiteFigures summary={value} />}
      </Loaded>
      <Loaded value={site} what="the site's doors, groups and schedules">
        {(value) => <SiteTables index={indexSite(value)} />}
      </Loaded>
    </Page>
  )
}

function SiteFigures({ summary }: { summary: SiteSummary }) {
  const figures: [string, number][] = [
    ['Doors', summary.counts.doors],
    ['People', summary.counts.people],
    ['Credentials', summary.counts.credentials],
    ['Groups', summary.counts.groups],
    ['Schedules', summary.counts.schedules]
  ]
  return (
    <>
      <p>
        <strong>{summary.name}</strong> <span className="muted">· {summary.timezone} · {sourceText(summary.source)}</span>
      </p>
      <dl className="figures">
        {figures.map(([label, count]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{count}</dd>
          </div>
        ))}
      </dl>
    </>
  )
}

function sourceText(source: SiteSummary['source']): string {
  if (source === 'demo') return 'embedded demo site'
  return source === 'file' ? 'opened from a file' : 'from the local database'
}

function SiteTables({ index }: { index: SiteIndex }) {
  return (
    <>
      <div className="section">
        <DoorsTable index={index} />
      </div>
      <div className="section grid-2">
        <GroupsTable index={index} />
        <SchedulesTable site={index.site} />
      </div>
      <div className="section grid-2">
        <CredentialTypesTable site={index.site} />
        <HolidaysTable site={index.site} />
      </div>
    </>
  )
}

function DoorsTable({ index }: { index: SiteIndex }) {
  return (
    <div className="table-wrap">
      <table className="data">
        <caption>Doors</caption>
        <thead>
          <tr>
            <th scope="col">Door</th>
            <th scope="col" className="num">Id</th>
            <th scope="col">Mode</th>
            <th scope="col">Accepts</th>
            <th scope="col">PIN</th>
          </tr>
        </thead>
        <tbody>
          {index.site.doors.map((door) => (
            <tr key={idKey(door.id)}>
              <th scope="row">{door.name}</th>
              <td className="num">{String(door.id)}</td>
              <td>
                <DoorModePill mode={door.mode} />
              </td>
              <td>{door.accepts.map((id) => index.types.get(id)?.label ?? `type ${String(id)}`).join(', ')}</td>
              <td>{door.requires_pin ? 'Required' : 'Not needed'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function GroupsTable({ index }: { index: SiteIndex }) {
  const members = (groupId: Site['groups'][number]['id']): number =>
    index.site.people.filter((person) => person.group_ids.includes(groupId)).length
  return (
    <div className="table-wrap">
      <table className="data">
        <caption>Groups</caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col" className="num">People</th>
            <th scope="col">Access</th>
          </tr>
        </thead>
        <tbody>
          {index.site.groups.map((group) => (
            <tr key={idKey(group.id)}>
              <th scope="row">{group.name}</th>
              <td className="num">{members(group.id)}</td>
              <td>
                {group.access.map((entry, i) => (
                  <div key={i}>
                    {entry.door_ids.map((id) => index.doors.get(id)?.name ?? `door ${String(id)}`).join(', ')}
                    <span className="muted">
                      {' '}
                      · {entry.schedule_id === null ? 'always' : (index.schedules.get(entry.schedule_id)?.name ?? `schedule ${String(entry.schedule_id)}`)}
                    </span>
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function SchedulesTable({ site }: { site: Site }) {
  return (
    <div className="table-wrap">
      <table className="data">
        <caption>Schedules (site time)</caption>
        <thead>
          <tr>
            <th scope="col">Schedule</th>
            <th scope="col">Weekly</th>
            <th scope="col">Holidays</th>
          </tr>
        </thead>
        <tbody>
          {site.schedules.map((schedule) => (
            <tr key={idKey(schedule.id)}>
              <th scope="row">{schedule.name}</th>
              <td className="mono">
                {describeWeekly(schedule).map((line, i) => (
                  <div key={i}>{line}</div>
                ))}
              </td>
              <td>{describeHolidays(schedule)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function CredentialTypesTable({ site }: { site: Site }) {
  return (
    <div className="table-wrap">
      <table className="data">
        <caption>Credential types</caption>
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col" className="num">Id</th>
            <th scope="col">Format</th>
            <th scope="col">Technology</th>
          </tr>
        </thead>
        <tbody>
          {site.credential_types.map((type) => (
            <tr key={idKey(type.id)}>
              <th scope="row">{type.label}</th>
              <td className="num">{String(type.id)}</td>
              <td>{type.format}</td>
              <td>{type.technology.toUpperCase()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function HolidaysTable({ site }: { site: Site }) {
  return (
    <div className="table-wrap">
      <table className="data">
        <caption>Site holidays</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
          </tr>
        </thead>
        <tbody>
          {site.site.holidays.length === 0 ? (
            <tr>
              <td className="muted">No holidays</td>
            </tr>
          ) : (
            site.site.holidays.map((date) => (
              <tr key={date}>
                <td className="mono">{date}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  )
}
