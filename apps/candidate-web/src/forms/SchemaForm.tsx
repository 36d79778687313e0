import {
  Button,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Paragraph,
  RadioButton,
  Select,
  SelectOption,
  Textarea,
  Textbox,
  type TextareaProps,
} from '@utrecht/component-library-react';
import { createContext, memo, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { SectionStore } from '../autosave';
import { useI18n } from '../i18n';
import { getAt, isObject, setAt, wordCount, type Json, type JsonObject } from '../json';
import { deref, isType, variantOf, type SchemaNode } from './schema';
import { fieldId } from './field-id';
import { NO_PRIVACY_WARNINGS, PrivacyContext, PrivacyHints, usePrivacyDescribedBy, type PrivacyMap } from './privacy-hints';

export { fieldId };

export interface DocumentOption {
  id: string;
  filename: string;
  status: string;
}

export interface FieldFinding {
  code: string;
  text: string;
  severity: string;
}

/** What every field needs besides its own node: the section's value, documents, findings, guidance. */
interface FormContextValue {
  /** The section's value; each field subscribes to its own pointer. */
  store: SectionStore;
  onChange(next: JsonObject): void;
  readOnly: boolean;
  documents: DocumentOption[];
  /** Findings of the rulebook keyed by the pointer inside this section. */
  findings: Map<string, FieldFinding[]>;
  /** Guidance shown beside a field, keyed by the pointer inside this section. */
  aside?: (pointer: string) => ReactNode;
  /** Choices for string fields without an enum (e.g. the education route). */
  choices?: (pointer: string) => Array<{ value: string; label: string }> | null;
  /** Fields the server fills in (ids, signature dates) are shown, not edited. */
  hidden: Set<string>;
  /** Tasks every trajectory must describe (the rulebook's core tasks): "not relevant" is not offered. */
  coreTasks?: readonly string[];
}

const FormContext = createContext<FormContextValue | null>(null);

/** Server-stamped keys: shown as text, never as inputs. */
const STAMPED = new Set(['signedAt', 'acceptedAt', 'id']);
const LONG_TEXT = /(^|\/)(text|motivation|whyChosen|notRelevantMotivation|workContext|knowledgeAreaReflections\/.+|competenceReflections\/.+|attitudeAnswers\/.+|answers\/.+)$/;

const ENUM_LABELS: Record<string, Record<string, [string, string]>> = {
  level: { hbo: ['hbo (NLQF 6)', 'hbo (NLQF 6)'], wo: ['wo (NLQF 7)', 'wo (NLQF 7)'], other: ['ander niveau', 'another level'] },
  initiator: { client: ['de cliënt zelf', 'the client'], employer: ['de werkgever', 'the employer'], other: ['een ander (bijvoorbeeld UWV)', 'someone else (e.g. UWV)'] },
};

export const SchemaForm = memo(function SchemaForm(props: Omit<FormContextValue, 'hidden'> & { node: SchemaNode; hidden?: string[]; privacy?: PrivacyMap }) {
  const { node, hidden, store, onChange, readOnly, documents, findings, aside, choices, coreTasks, privacy } = props;
  const hiddenKey = (hidden ?? []).join(',');
  const coreKey = (coreTasks ?? []).join(',');
  const ctx = useMemo<FormContextValue>(
    () => ({ store, onChange, readOnly, documents, findings, aside, choices, hidden: new Set(hiddenKey ? hiddenKey.split(',') : []), coreTasks: coreKey ? coreKey.split(',') : [] }),
    [store, onChange, readOnly, documents, findings, aside, choices, hiddenKey, coreKey],
  );
  return (
    <FormContext.Provider value={ctx}>
      <PrivacyContext.Provider value={privacy ?? NO_PRIVACY_WARNINGS}>
        <ObjectFields node={derefCached(node)} pointer="" />
      </PrivacyContext.Provider>
    </FormContext.Provider>
  );
});

/** The value at a pointer of the section; re-renders only when that part changes. */
function useValueAt(pointer: string | null): Json | undefined {
  const { store } = useForm();
  return useSyncExternalStore(store.subscribe, () => (pointer === null ? undefined : getAt(store.get() ?? undefined, pointer)));
}

/** Writes a value at a pointer of the section's current value. */
function useSetAt(): (pointer: string, v: Json | undefined) => void {
  const { store, onChange } = useForm();
  return (pointer, v) => onChange(setAt(store.get() ?? {}, pointer, v) as JsonObject);
}

// deref() builds new objects; fields are memoised on their node, so keep one per schema node.
const derefs = new WeakMap<SchemaNode, SchemaNode>();
function derefCached(node: SchemaNode): SchemaNode {
  let d = derefs.get(node);
  if (!d) {
    d = deref(node);
    derefs.set(node, d);
  }
  return d;
}

function useForm(): FormContextValue {
  const ctx = useContext(FormContext);
  if (!ctx) throw new Error('field outside SchemaForm');
  return ctx;
}

/** Splits a schema description into its Dutch or English half, and a label out of its first sentence. */
export function useTexts(node: SchemaNode, name: string) {
  const { pick } = useI18n();
  const description = pick(node.description);
  const title = node.title ? pick(node.title) : '';
  if (title) return { label: title, hint: description };
  if (!description) return { label: name, hint: '' };
  const firstStop = description.search(/[.?!](\s|$)/);
  if (firstStop > 0 && firstStop < 140 && firstStop < description.length - 2) {
    return { label: description.slice(0, firstStop + 1).replace(/\.$/, ''), hint: description.slice(firstStop + 1).trim() };
  }
  return { label: description.replace(/\.$/, ''), hint: '' };
}

/** The rulebook's findings about one field, with an id its control points at (aria-describedby). */
function Findings({ pointer }: { pointer: string }) {
  const { findings } = useForm();
  const list = findings.get(pointer) ?? [];
  if (list.length === 0) return null;
  return (
    <div id={`${fieldId(pointer)}-findings`}>
      {list.map((f) => (
        <FormFieldErrorMessage key={f.code + f.text} className={f.severity === 'warning' ? 'rlp-finding rlp-finding--warning' : 'rlp-finding'}>
          {f.text}
        </FormFieldErrorMessage>
      ))}
    </div>
  );
}

/** The ids that describe a control: its hint and the findings about it. */
function describedBy(ctx: FormContextValue, pointer: string, hintId: string | undefined, privacyId?: string): string | undefined {
  const ids = [hintId, (ctx.findings.get(pointer) ?? []).length > 0 ? `${fieldId(pointer)}-findings` : undefined, privacyId].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

const ObjectFields = memo(function ObjectFields({ node, pointer }: { node: SchemaNode; pointer: string }) {
  const { aside } = useForm();
  const entries = Object.entries(node.properties ?? {});
  return (
    <>
      {entries.map(([name, child]) => {
        const p = `${pointer}/${name}`;
        const side = aside?.(p);
        const field = <Field key={p} name={name} node={derefCached(child)} pointer={p} />;
        return side ? (
          <div className="rlp-with-aside" key={p}>
            <div>{field}</div>
            <aside className="rlp-aside" aria-label={`${plainLabel(derefCached(child), name)}`}>
              {side}
            </aside>
          </div>
        ) : (
          field
        );
      })}
    </>
  );
});

// A label without a hook (for aria-labels computed in a loop).
function plainLabel(node: SchemaNode, name: string): string {
  return node.title?.split('\n\n')[0] ?? name;
}

const Field = memo(function Field({ name, node, pointer }: { name: string; node: SchemaNode; pointer: string }) {
  const ctx = useForm();
  const { t, date, lang } = useI18n();
  const texts = useTexts(node, name);
  const setValue = useSetAt();
  const isContainer = Boolean(node.properties) || isType(node, 'array');
  // Containers render their children, which subscribe themselves; only leaves read their value.
  const raw = useValueAt(isContainer ? null : pointer);
  const privacyId = usePrivacyDescribedBy(pointer);
  if (ctx.hidden.has(pointer) || ctx.hidden.has(name)) return null;
  if (STAMPED.has(name)) {
    if (name === 'id' || raw === undefined || raw === null) return null;
    return (
      <Paragraph className="rlp-stamp">
        {t('signedOn')}: {date(String(raw))}
      </Paragraph>
    );
  }
  const set = (v: Json | undefined) => setValue(pointer, v);
  const id = fieldId(pointer);
  const hintId = texts.hint ? `${id}-hint` : undefined;
  const invalid = (ctx.findings.get(pointer) ?? []).some((f) => f.severity === 'blocking');

  if (node.properties && (name === 'tasks' || pointer.endsWith('/tasks'))) return <TasksField node={node} pointer={pointer} />;
  if (node.properties) {
    return (
      <Fieldset className="rlp-fieldset" id={id}>
        <FieldsetLegend>{texts.label}</FieldsetLegend>
        {texts.hint ? <Paragraph className="rlp-hint">{texts.hint}</Paragraph> : null}
        <Findings pointer={pointer} />
        <ObjectFields node={node} pointer={pointer} />
      </Fieldset>
    );
  }
  if (isType(node, 'array') && node.items) return <ArrayField node={node} pointer={pointer} label={texts.label} hint={texts.hint} />;

  const choices = node.enum ? node.enum.map((v) => ({ value: v, label: enumLabel(name, v) })) : ctx.choices?.(pointer);
  if (choices) {
    return (
      <FormField type="select" invalid={invalid}>
        <FormLabel htmlFor={id}>{texts.label}</FormLabel>
        {texts.hint ? <FormFieldDescription id={hintId}>{texts.hint}</FormFieldDescription> : null}
        <Findings pointer={pointer} />
        <Select id={id} value={typeof raw === 'string' ? raw : ''} disabled={ctx.readOnly} invalid={invalid} aria-invalid={invalid || undefined} aria-describedby={describedBy(ctx, pointer, hintId)} onChange={(e) => set(e.target.value || undefined)}>
          <SelectOption value="">{t('chooseOption')}</SelectOption>
          {choices.map((c) => (
            <SelectOption key={c.value} value={c.value}>
              {c.label}
            </SelectOption>
          ))}
        </Select>
      </FormField>
    );
  }
  if (isType(node, 'boolean')) {
    return (
      <FormField
        type="checkbox"
        invalid={invalid}
        input={<Checkbox id={id} checked={raw === true} disabled={ctx.readOnly} aria-invalid={invalid || undefined} aria-describedby={describedBy(ctx, pointer, hintId)} onChange={(e) => set(e.target.checked)} />}
        label={
          <FormLabel htmlFor={id} type="checkbox">
            {texts.label}
          </FormLabel>
        }
      >
        {texts.hint ? <FormFieldDescription id={hintId}>{texts.hint}</FormFieldDescription> : null}
        <Findings pointer={pointer} />
      </FormField>
    );
  }
  if (name === 'documentId' || name === 'cvDocumentId') return <DocumentField pointer={pointer} label={texts.label} hint={texts.hint} />;
  const numeric = isType(node, 'number') || isType(node, 'integer');
  const isDate = node.format === 'date';
  const long = !numeric && !isDate && LONG_TEXT.test(pointer);
  const value = raw === undefined || raw === null ? '' : String(raw);
  return (
    <FormField type="text" invalid={invalid}>
      <FormLabel htmlFor={id}>{texts.label}</FormLabel>
      {texts.hint ? <FormFieldDescription id={hintId}>{texts.hint}</FormFieldDescription> : null}
      <Findings pointer={pointer} />
      {long ? (
        <>
          <LongText id={id} value={value} readOnly={ctx.readOnly} invalid={invalid} aria-invalid={invalid || undefined} aria-describedby={describedBy(ctx, pointer, hintId, privacyId)} rows={8} onText={(text) => set(text === '' ? undefined : text)} />
          <PrivacyHints pointer={pointer} text={value} readOnly={ctx.readOnly} onText={(text) => set(text === '' ? undefined : text)} />
          <WordCount text={value} />
        </>
      ) : (
        <Textbox
          id={id}
          type={isDate ? 'date' : numeric ? 'number' : 'text'}
          inputMode={numeric ? 'decimal' : undefined}
          min={numeric ? (node.minimum ?? 0) : undefined}
          value={value}
          readOnly={ctx.readOnly}
          invalid={invalid}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy(ctx, pointer, hintId, privacyId)}
          className={isDate || numeric ? 'rlp-short' : undefined}
          onChange={(e) => {
            const v = e.target.value;
            if (v === '') set(undefined);
            else if (numeric) set(Number.isFinite(Number(v)) ? Number(v) : v);
            else set(v);
          }}
        />
      )}
      {!long && !numeric && !isDate ? <PrivacyHints pointer={pointer} text={value} readOnly={ctx.readOnly} onText={(text) => set(text === '' ? undefined : text)} /> : null}
    </FormField>
  );

  function enumLabel(field: string, v: string): string {
    const known = ENUM_LABELS[field]?.[v];
    if (known) return known[lang === 'nl' ? 0 : 1];
    return v;
  }
});

function DocumentField({ pointer, label, hint }: { pointer: string; label: string; hint: string }) {
  const ctx = useForm();
  const { t } = useI18n();
  const id = fieldId(pointer);
  const raw = useValueAt(pointer);
  const setValue = useSetAt();
  const invalid = (ctx.findings.get(pointer) ?? []).some((f) => f.severity === 'blocking');
  const verified = ctx.documents.filter((d) => d.status === 'verified');
  return (
    <FormField type="select" invalid={invalid}>
      <FormLabel htmlFor={id}>{label}</FormLabel>
      {hint ? <FormFieldDescription id={`${id}-hint`}>{hint}</FormFieldDescription> : null}
      <Findings pointer={pointer} />
      <Select id={id} value={typeof raw === 'string' ? raw : ''} disabled={ctx.readOnly} invalid={invalid} aria-invalid={invalid || undefined} aria-describedby={describedBy(ctx, pointer, hint ? `${id}-hint` : undefined)} onChange={(e) => setValue(pointer, e.target.value || undefined)}>
        <SelectOption value="">{t('chooseDocument')}</SelectOption>
        {verified.map((d) => (
          <SelectOption key={d.id} value={d.id}>
            {d.filename}
          </SelectOption>
        ))}
      </Select>
      {!ctx.readOnly ? (
        <Paragraph className="rlp-hint">
          <a href="/documenten" target="_blank" rel="noopener">
            {t('uploadNew')}
          </a>
        </Paragraph>
      ) : null}
    </FormField>
  );
}

function ArrayField({ node, pointer, label, hint }: { node: SchemaNode; pointer: string; label: string; hint: string }) {
  const ctx = useForm();
  const { t, pick } = useI18n();
  const items = useValueAt(pointer);
  const setValue = useSetAt();
  const list = Array.isArray(items) ? items : [];
  const item = derefCached(node.items!);
  const kinds = item.properties?.['kind']?.enum;
  const add = () => setValue(pointer, [...list, {}]);
  const remove = (i: number) => setValue(`${pointer}/${i}`, undefined);
  return (
    <Fieldset className="rlp-fieldset" id={fieldId(pointer)}>
      <FieldsetLegend>{label}</FieldsetLegend>
      {hint ? <Paragraph className="rlp-hint">{hint}</Paragraph> : null}
      <Findings pointer={pointer} />
      {list.map((entry, i) => {
        const p = `${pointer}/${i}`;
        const kind = isObject(entry) && typeof entry['kind'] === 'string' ? entry['kind'] : undefined;
        const variant = kinds ? variantOf(item, kind) : item;
        const kindId = fieldId(`${p}/kind`);
        return (
          <div className="rlp-item" key={p} id={fieldId(p)}>
            <p className="rlp-item__title">
              {i + 1}. {variant?.title ? pick(variant.title) : ''}
            </p>
            <Findings pointer={p} />
            {kinds ? (
              <FormField type="select">
                <FormLabel htmlFor={kindId}>{pick(item.properties?.['kind']?.description)?.split(':')[0]}</FormLabel>
                <Select id={kindId} value={kind ?? ''} disabled={ctx.readOnly} onChange={(e) => setValue(p, switchKind(item, isObject(entry) ? entry : {}, e.target.value))}>
                  <SelectOption value="">{t('chooseOption')}</SelectOption>
                  {kinds.map((k) => (
                    <SelectOption key={k} value={k}>
                      {pick(variantOf(item, k)?.title) || k}
                    </SelectOption>
                  ))}
                </Select>
              </FormField>
            ) : null}
            {variant ? <ObjectFields node={{ ...variant, properties: Object.fromEntries(Object.entries(variant.properties ?? {}).filter(([k]) => k !== 'kind')) }} pointer={p} /> : null}
            {!ctx.readOnly ? (
              <Button appearance="subtle-button" onClick={() => remove(i)}>
                {t('removeItem')}
              </Button>
            ) : null}
          </div>
        );
      })}
      {!ctx.readOnly ? (
        <Button appearance="secondary-action-button" onClick={add}>
          {t('addItem')}
        </Button>
      ) : null}
    </Fieldset>
  );
}

/** C.1: per task, described (with text) or not relevant (with a motivation), guidance beside it. */
function TasksField({ node, pointer }: { node: SchemaNode; pointer: string }) {
  const texts = useTexts(node, 'tasks');
  return (
    <Fieldset className="rlp-fieldset" id={fieldId(pointer)}>
      <FieldsetLegend>{texts.label}</FieldsetLegend>
      <Findings pointer={pointer} />
      {Object.entries(node.properties ?? {}).map(([taskId, child]) => (
        <TaskField key={taskId} node={derefCached(child)} pointer={`${pointer}/${taskId}`} />
      ))}
    </Fieldset>
  );
}

const TaskField = memo(function TaskField({ node, pointer: p }: { node: SchemaNode; pointer: string }) {
  const ctx = useForm();
  const { t, pick } = useI18n();
  const entry = useValueAt(p);
  const setValue = useSetAt();
  const e = isObject(entry) ? entry : {};
  const status = typeof e['status'] === 'string' ? e['status'] : e['notRelevantMotivation'] ? 'not_relevant' : 'described';
  const set = (next: JsonObject) => setValue(p, next);
  const idBase = fieldId(p);
  const side = ctx.aside?.(p);
  const text = typeof e['text'] === 'string' ? e['text'] : '';
  const motivation = typeof e['notRelevantMotivation'] === 'string' ? e['notRelevantMotivation'] : '';
  const invalid = (ctx.findings.get(p) ?? []).some((f) => f.severity === 'blocking');
  const title = pick(node.title);
  const core = (ctx.coreTasks ?? []).includes(p.split('/').pop() ?? '');
  const textPrivacyId = usePrivacyDescribedBy(`${p}/text`);
  const motivationPrivacyId = usePrivacyDescribedBy(`${p}/notRelevantMotivation`);
  return (
    <div className="rlp-with-aside rlp-task">
      <div>
        <Fieldset id={idBase} invalid={invalid}>
          <FieldsetLegend>{title}</FieldsetLegend>
          <Findings pointer={p} />
          {core && status !== 'not_relevant' ? null : (
          <div className="rlp-radios" role="radiogroup" aria-label={title}>
            <span className="rlp-radio">
              <RadioButton id={`${idBase}-described`} name={`${idBase}-status`} checked={status !== 'not_relevant'} disabled={ctx.readOnly} onChange={() => set({ ...e, status: 'described' })} />
              <FormLabel htmlFor={`${idBase}-described`} type="radio">
                {t('described')}
              </FormLabel>
            </span>
            <span className="rlp-radio">
              <RadioButton id={`${idBase}-not-relevant`} name={`${idBase}-status`} checked={status === 'not_relevant'} disabled={ctx.readOnly} onChange={() => set({ ...e, status: 'not_relevant' })} />
              <FormLabel htmlFor={`${idBase}-not-relevant`} type="radio">
                {t('notRelevant')}
              </FormLabel>
            </span>
          </div>
          )}
          {status === 'not_relevant' ? (
            <FormField type="text">
              <FormLabel htmlFor={`${idBase}-motivation`}>{pick(schemaText('notRelevantMotivation'))}</FormLabel>
              <LongText id={`${idBase}-motivation`} rows={4} value={motivation} readOnly={ctx.readOnly} invalid={invalid} aria-invalid={invalid || undefined} aria-describedby={describedBy(ctx, p, undefined, motivationPrivacyId)} onText={(text) => set(withText(e, 'notRelevantMotivation', text))} />
              <PrivacyHints pointer={`${p}/notRelevantMotivation`} controlId={`${idBase}-motivation`} text={motivation} readOnly={ctx.readOnly} onText={(text) => set(withText(e, 'notRelevantMotivation', text))} />
            </FormField>
          ) : (
            <FormField type="text">
              <FormLabel htmlFor={`${idBase}-text`}>{pick(schemaText('text'))}</FormLabel>
              <LongText id={`${idBase}-text`} rows={10} value={text} readOnly={ctx.readOnly} invalid={invalid} aria-invalid={invalid || undefined} aria-describedby={describedBy(ctx, p, undefined, textPrivacyId)} onText={(t2) => set(withText(e, 'text', t2))} />
              <PrivacyHints pointer={`${p}/text`} text={text} readOnly={ctx.readOnly} onText={(t2) => set(withText(e, 'text', t2))} />
              <WordCount text={text} />
            </FormField>
          )}
        </Fieldset>
      </div>
      {side ? (
        <aside className="rlp-aside" aria-label={`${t('guidance')}: ${title}`}>
          {side}
        </aside>
      ) : null}
    </div>
  );
});

/**
 * A text area that React does not rewrite on every keystroke. A controlled <textarea> also gets
 * its defaultValue (its text node) replaced on each render, which makes the browser restyle and
 * lay out the whole text: in a 5,000-word case that is most of the time between two keys. Here
 * the browser keeps what is typed; the value is written into the element only when it changes
 * from elsewhere (a restored draft, a resolved conflict, a stamped save).
 */
function LongText(props: Omit<TextareaProps, 'value' | 'defaultValue' | 'onChange'> & { value: string; onText: (text: string) => void }) {
  const { value, onText, ...rest } = props;
  const ref = useRef<HTMLTextAreaElement>(null);
  const [initial] = useState(value);
  useLayoutEffect(() => {
    if (ref.current && ref.current.value !== value) ref.current.value = value;
  }, [value]);
  return <Textarea ref={ref} defaultValue={initial} onChange={(e) => onText(e.target.value)} {...rest} />;
}

/** Words counted after typing pauses, not on every keystroke (a case may hold thousands). */
function WordCount({ text }: { text: string }) {
  const { t } = useI18n();
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(text), 400);
    return () => window.clearTimeout(timer);
  }, [text]);
  const count = useMemo(() => wordCount(settled), [settled]);
  return (
    <p className="rlp-count" aria-hidden="true">
      {count} {t('words')}
    </p>
  );
}

/** Another kind of evidence keeps what still fits it (title, issuer, date, file…), not the rest. */
function switchKind(item: SchemaNode, entry: JsonObject, kind: string): JsonObject {
  const allowed = new Set(Object.keys(variantOf(item, kind)?.properties ?? {}));
  return { ...Object.fromEntries(Object.entries(entry).filter(([k]) => allowed.has(k) && k !== 'attested')), kind };
}

function withText(entry: JsonObject, key: string, text: string): JsonObject {
  const next = { ...entry };
  if (text === '') delete next[key];
  else next[key] = text;
  return next;
}

function schemaText(key: 'text' | 'notRelevantMotivation'): string | undefined {
  return deref({ $ref: '#/definitions/taskEntry' }).properties?.[key]?.description;
}
