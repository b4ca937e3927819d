/** Where the conversation happens: a video link opens, a place is named. */
export function Location({ location }: { location: string }) {
  if (/^https?:\/\//.test(location))
    return (
      <a href={location} target="_blank" rel="noreferrer">
        {location}
      </a>
    );
  return <>{location}</>;
}
