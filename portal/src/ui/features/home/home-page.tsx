export function HomePage() {
  return (
    <section>
      <h1>Overview</h1>
      <p>Which AI services your staff use, and where each one stands.</p>
    </section>
  );
}
