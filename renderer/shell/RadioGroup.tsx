/** A labelled set of radio buttons for one choice (format, paper, scope…). */
export function RadioGroup<T extends string>({
  legend,
  name,
  options,
  labels,
  value,
  onChange,
  disabled = false,
  className,
}: {
  legend: string;
  name: string;
  options: readonly T[];
  labels: Readonly<Record<T, string>>;
  value: T;
  onChange: (value: T) => void;
  disabled?: boolean;
  /** `choice-bar` lays the choices out in one line, as a view's filter. */
  className?: string;
}) {
  return (
    <fieldset disabled={disabled} className={className}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option} className="radio-choice">
          <input type="radio" name={name} checked={value === option} onChange={() => onChange(option)} /> {labels[option]}
        </label>
      ))}
    </fieldset>
  );
}
