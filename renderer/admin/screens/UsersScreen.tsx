import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { AdminUser } from '../../../src/protocol/admin/adminSchemas.js';
import { PATHS } from '../app/paths.js';
import { api } from '../api/endpoints.js';
import { Pager } from '../components/Pager.js';
import { QueryState } from '../components/QueryState.js';
import { DataTable } from '../components/DataTable.js';
import { useI18n } from '../i18n/I18nProvider.js';

const PAGE_SIZE = 50;

/** Search and paging happen on the server: the page holds one page of users, never all of them. */
export function UsersScreen() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const [typed, setTyped] = useState(search);
  const searchId = useId();
  const hintId = useId();
  const users = useQuery({
    queryKey: ['users', search, offset],
    queryFn: () => api.users({ ...(search ? { search } : {}), limit: PAGE_SIZE, offset }),
    placeholderData: keepPreviousData,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setParams(typed.trim() ? { q: typed.trim() } : {});
  }

  return (
    <section aria-labelledby="users-heading">
      <h1 id="users-heading">{t('users.heading')}</h1>
      <p><Link to={PATHS.importUsers}>{t('users.import')}</Link></p>
      <form role="search" className="quick-find" onSubmit={submit}>
        <label htmlFor={searchId}>{t('users.search')}</label>
        <input id={searchId} type="search" aria-describedby={hintId} value={typed} onChange={(e) => setTyped(e.target.value)} />
        <button type="submit">{t('users.searchButton')}</button>
        <span id={hintId} className="hint">{t('users.searchHint')}</span>
      </form>
      <QueryState query={users}>
        {(data) => (
          <>
            <DataTable label={t('users.results')} columns={[t('users.username'), t('users.name'), t('users.email'), t('users.primary'), t('users.secondary'), t('users.state')]}>
                  {data.users.map((user) => (
                    <tr key={user.id}>
                      <th scope="row"><Link to={`${PATHS.users}/${encodeURIComponent(user.id)}`}>{user.username}</Link></th>
                      <td>{user.displayName}</td>
                      <td>{user.email}</td>
                      <td>{user.primaryCard ?? ''}</td>
                      <td>{user.secondaryCard ?? ''}</td>
                      <td><UserState user={user} /></td>
                    </tr>
                  ))}
                </DataTable>
            <Pager
              offset={offset}
              pageSize={PAGE_SIZE}
              shown={data.users.length}
              total={data.total}
              onOffset={(next) => setParams({ ...(search ? { q: search } : {}), ...(next > 0 ? { offset: String(next) } : {}) })}
            />
          </>
        )}
      </QueryState>
    </section>
  );
}

export function UserState(props: { readonly user: AdminUser }) {
  const { t } = useI18n();
  if (props.user.disabled) return <>{t('users.disabled')}</>;
  if (props.user.lockedUntil !== null && props.user.lockedUntil > Date.now()) return <>{t('users.locked')}</>;
  return <>{t('users.active')}</>;
}
