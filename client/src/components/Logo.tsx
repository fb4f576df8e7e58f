export function Logo({ small = false }: { small?: boolean }) {
  return (
    <span className={small ? 'app-logo app-logo-small' : 'app-logo'}>
      <img src="/favicon.svg" alt="" width={small ? 22 : 30} height={small ? 22 : 30} />
      <span>
        Real<b>Brand</b>
      </span>
    </span>
  );
}
