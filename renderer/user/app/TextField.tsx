import { useId } from 'react';

export function TextField(props: {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly type?: 'text' | 'password';
  readonly autoComplete: string;
  readonly numeric?: boolean;
  readonly hint?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type={props.type ?? 'text'}
        value={props.value}
        autoComplete={props.autoComplete}
        {...(props.numeric ? { inputMode: 'numeric' as const, pattern: '[0-9]*' } : {})}
        {...(props.hint ? { 'aria-describedby': `${id}-hint` } : {})}
        onChange={(event) => props.onChange(event.target.value)}
      />
      {props.hint ? <p id={`${id}-hint`} className="hint">{props.hint}</p> : null}
    </div>
  );
}
