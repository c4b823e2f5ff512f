"use client";
import { usePathname } from "next/navigation";

/** The sidebar links, marking the current section (the one client component of the shell). */
export function NavLinks({ items }: { items: { href: string; label: string }[] }) {
  const path = usePathname();
  return (
    <ul className="flex-1 space-y-1 px-2">
      {items.map((item) => {
        const active = path === item.href || path.startsWith(`${item.href}/`);
        return (
          <li key={item.href}>
            <a
              href={item.href}
              aria-current={active ? "page" : undefined}
              className={`block rounded-md px-3 py-2 text-sm ${active ? "bg-indigo-50 font-medium text-indigo-700" : "text-slate-700 hover:bg-slate-100"}`}
            >
              {item.label}
            </a>
          </li>
        );
      })}
    </ul>
  );
}
