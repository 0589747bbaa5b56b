import { Title, type TitleProps } from "@mantine/core";
import { useEffect, useRef } from "react";

type Props = Omit<TitleProps, "order"> & {
  /** Move keyboard focus to the heading when the screen appears. */
  focusOnMount?: boolean;
};

/** The one h1 of a screen. */
export function PageTitle({ focusOnMount = false, ...rest }: Props) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) ref.current?.focus({ preventScroll: true });
  }, [focusOnMount]);
  return <Title ref={ref} order={1} size="h2" tabIndex={-1} style={{ outline: "none" }} {...rest} />;
}
