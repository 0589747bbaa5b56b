import { Text, Title } from "@mantine/core";

type Props = {
  id: string;
  title: string;
  /** Why the form cannot be used now (null: it can); its `noteId` names it for the submit button. */
  note: string | null;
  noteId: string;
};

/** The h3 of a form inside a section, with the reason it is disabled, if it is. */
export function FormHeading({ id, title, note, noteId }: Props) {
  return (
    <>
      <Title order={3} size="h5" id={id}>
        {title}
      </Title>
      {note !== null && (
        <Text size="sm" c="dimmed" id={noteId}>
          {note}
        </Text>
      )}
    </>
  );
}
