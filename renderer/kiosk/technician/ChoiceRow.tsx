/** A labelled row of toggle buttons: the touch-friendly stand-in for a select box. */
export function ChoiceRow(props: {
  readonly label: string;
  readonly options: readonly { readonly value: string; readonly text: string }[];
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly testId?: string;
}) {
  return (
    <div className="choice-row" role="group" aria-label={props.label} data-testid={props.testId}>
      <span className="choice-label">{props.label}</span>
      <div className="choice-options">
        {props.options.map((option) => (
          <button
            key={option.value}
            type="button"
            className="button button-secondary choice"
            aria-pressed={option.value === props.value}
            data-value={option.value}
            onClick={() => props.onChange(option.value)}
          >
            {option.text}
          </button>
        ))}
      </div>
    </div>
  );
}
