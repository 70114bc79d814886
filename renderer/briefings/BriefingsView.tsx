import { useState } from 'react';
import { BriefingListQuerySchema, type BriefingListQuery, type BriefingSummary } from '../../src/domain/briefing';
import { TEMPLATE_WRITING_CARET } from '../../src/briefing/template';
import { saveCaret } from '../app/caret-store';
import { errorMessage } from '../app/error-message';
import { navigate, openBriefing } from '../app/router';
import { BRIEFINGS } from '../app/routes';
import { useCommand } from '../data/mutations';
import { useContractQuery } from '../data/useContractQuery';
import { registerDecorators } from '../editor';
import { useCommandHandler } from '../commands/registry';
import { shortcutProps } from '../commands/shortcut-labels';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { useToast } from '../shell/useToast';
import { BriefingTable } from './BriefingTable';
import { BriefingWorkspace } from './BriefingWorkspace';
import { NewBriefingDialog } from './NewBriefingDialog';
import { NewProductTypeDialog } from './NewProductTypeDialog';
import { useBriefingList } from './useBriefingList';
import { useProductTypes } from './useProductTypes';

registerDecorators();

/** The side list: every briefing, in the default order. */
const ALL_BRIEFINGS = BriefingListQuerySchema.parse({});

/** Briefings: the list (and a side list to switch between them), and the open briefing. */
export function BriefingsView({
  openId,
  judgementId,
}: {
  /** The briefing the route opens, or null for the list; the route is the only state. */
  openId: string | null;
  /** A judgement to select in that briefing (a back-link). */
  judgementId: string | null;
}) {
  const openComments = useContractQuery('comments.openCounts', {});
  const command = useCommand();
  const toast = useToast();
  const types = useProductTypes();
  const [addingType, setAddingType] = useState(false);
  const [query, setQuery] = useState<BriefingListQuery>(() => BriefingListQuerySchema.parse({}));
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<BriefingSummary | null>(null);
  const { items, error } = useBriefingList(query);
  const { items: all } = useBriefingList(ALL_BRIEFINGS);

  useCommandHandler('briefings.new', () => setCreating(true));
  useCommandHandler('briefings.newProductType', () => setAddingType(true));

  const remove = async (briefing: BriefingSummary): Promise<void> => {
    setDeleting(null);
    try {
      await command('briefings.delete', { id: briefing.id });
      if (openId === briefing.id) navigate(BRIEFINGS, { replace: true });
      toast({ message: `Moved “${briefing.title}” to the trash.` });
    } catch (failure) {
      toast({ message: errorMessage(failure), tone: 'error' });
    }
  };

  return (
    <div className={openId ? 'briefings briefings-open' : 'briefings'}>
      <nav className="briefings-nav" aria-label="Briefings list">
        <button type="button" {...shortcutProps('briefings.new')} onClick={() => setCreating(true)}>
          New briefing
        </button>
        <button
          type="button"
          className={openId === null ? 'nav-current' : undefined}
          aria-current={openId === null ? 'page' : undefined}
          onClick={() => navigate(BRIEFINGS)}
        >
          All briefings
        </button>
        <button type="button" onClick={() => setAddingType(true)}>
          New product type
        </button>
        <ul>
          {(all ?? []).map((item) => (
            <li key={item.id}>
              <button
                type="button"
                className={item.id === openId ? 'nav-current' : undefined}
                aria-current={item.id === openId ? 'page' : undefined}
                onClick={() => openBriefing(item.id)}
              >
                {item.title}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <section className="view briefings-main" aria-labelledby={openId ? 'briefing-heading' : 'briefings-heading'}>
        {openId ? (
          <BriefingWorkspace key={`${openId}:${judgementId ?? ''}`} briefingId={openId} types={types} initialJudgementId={judgementId} />
        ) : (
          <>
            <header className="view-header">
              <h1 id="briefings-heading">Briefings</h1>
            </header>
            {error && <div className="error-banner">{error}</div>}
            <BriefingTable
              items={items}
              query={query}
              types={types}
              onQuery={setQuery}
              onOpen={(id) => openBriefing(id)}
              onDelete={setDeleting}
              openComments={openComments.data?.counts ?? {}}
            />
          </>
        )}
      </section>
      {creating && (
        <NewBriefingDialog
          types={types}
          onCancel={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            // A new briefing opens ready to type in its first section, not one click away from it.
            saveCaret(id, TEMPLATE_WRITING_CARET);
            openBriefing(id);
          }}
        />
      )}
      {addingType && (
        <NewProductTypeDialog
          onCancel={() => setAddingType(false)}
          onCreated={(type) => {
            setAddingType(false);
            toast({ message: `Added the product type “${type.name}”.` });
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title="Move this briefing to the trash?"
          message={`“${deleting.title}” can be restored from the Trash.`}
          confirmLabel="Move to trash"
          onCancel={() => setDeleting(null)}
          onConfirm={() => void remove(deleting)}
        />
      )}
    </div>
  );
}
