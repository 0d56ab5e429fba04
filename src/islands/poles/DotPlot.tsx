/**
 * A dot plot between two poles as a figure: the drawing (lib/report/chart), the pole names under
 * its ends and a caption that says everything the drawing shows. The sessions page and the room
 * differ only in class names and sizes.
 */
import { useMemo } from 'preact/hooks';
import { type DotInput, type DotPlotOptions, type DotPlotStyle, dotPlot, dotPlotParts } from '../../lib/report/chart';
import { SvgParts } from './SvgParts';

export interface DotPlotClasses {
  figure: string;
  svg: string;
  poles: string;
  caption: string;
}

export function DotPlot(props: {
  id: string;
  dots: readonly DotInput[];
  agreed: number | null;
  poles: readonly [string, string];
  /** The text alternative: the caption, which also labels the drawing. */
  caption: string;
  options: DotPlotOptions;
  style: DotPlotStyle;
  classes: DotPlotClasses;
}) {
  const { dots, agreed, options, style, classes } = props;
  const plot = useMemo(() => dotPlot(dots, agreed, options), [dots, agreed, options.width, options.radius]);
  return (
    <figure class={classes.figure}>
      <svg
        class={classes.svg}
        viewBox={`0 0 ${plot.width} ${plot.height}`}
        role="img"
        aria-labelledby={`${props.id}-cap`}
      >
        <SvgParts parts={dotPlotParts(plot, style)} />
      </svg>
      <div class={classes.poles} aria-hidden="true">
        <span>{props.poles[0]}</span>
        <span>{props.poles[1]}</span>
      </div>
      <figcaption id={`${props.id}-cap`} class={classes.caption}>
        {props.caption}
      </figcaption>
    </figure>
  );
}
