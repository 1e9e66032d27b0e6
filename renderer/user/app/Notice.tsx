/** Refusals are announced as alerts, confirmations as status (screen readers and tests look for these roles). */
export function Notice(props: { readonly kind: 'alert' | 'status'; readonly text: string | null }) {
  if (props.text === null) return null;
  return (
    <p role={props.kind} className={`notice notice-${props.kind}`}>
      {props.text}
    </p>
  );
}
