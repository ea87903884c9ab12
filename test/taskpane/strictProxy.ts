/**
 * Proxy objects as strict as Excel's, for the parts of the Office.js mocks that office-addin-mock
 * leaves as plain objects (objects returned by methods, collection items): a scalar property
 * reads only after `load()` and the next `context.sync()`, and holds the value it had at that
 * sync; reading it earlier throws Excel's PropertyNotLoaded error. `isNullObject` is set at
 * every sync, loaded or not, as Excel does for *OrNullObject results.
 * See https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model
 * ("load() and sync()", "*OrNullObject methods and properties").
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- mock objects are untyped by nature */

/** The syncs of one request context: every strict object registers here. */
export class StrictContext {
  private readonly objects: StrictState[] = [];
  syncs = 0;

  register(state: StrictState): void {
    this.objects.push(state);
  }

  /** Commits every pending load, as Excel answers a batch. */
  sync(): void {
    this.syncs += 1;
    for (const state of this.objects) state.commit();
  }
}

interface StrictState {
  commit(): void;
}

export function propertyNotLoaded(name: string): Error {
  return Object.assign(
    new Error(
      `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    ),
    { code: "PropertyNotLoaded" },
  );
}

/**
 * A strict proxy: `scalars` are read through load() + sync(); `members` (methods, navigation
 * properties) are used as they are.
 */
export function strictObject<T extends Record<string, unknown>>(
  context: StrictContext,
  scalars: () => Record<string, unknown>,
  members: T = {} as T,
): T & { load(what?: string): any } {
  const loaded = new Map<string, unknown>();
  const pending = new Set<string>();
  let synced = false;
  const state: StrictState = {
    commit() {
      synced = true;
      const now = scalars();
      for (const name of pending) loaded.set(name, now[name]);
      pending.clear();
    },
  };
  context.register(state);
  const target: Record<string, unknown> = {
    ...members,
    load(what = "") {
      for (const name of String(what).split(",").map((part) => part.trim()).filter(Boolean)) {
        if (!(name in scalars())) throw new Error(`Property ${name} is not in the object model of this mock.`);
        pending.add(name);
      }
      return proxy;
    },
  };
  const proxy: any = new Proxy(target, {
    get(object, name: string | symbol) {
      if (typeof name === "symbol" || name in object) return object[name as string];
      if (name === "isNullObject" && "isNullObject" in scalars()) {
        if (!synced) throw propertyNotLoaded(name);
        return scalars().isNullObject;
      }
      if (name in scalars()) {
        if (!loaded.has(name)) throw propertyNotLoaded(name);
        return loaded.get(name);
      }
      return undefined;
    },
    set(object, name: string, value) {
      object[name] = value;
      return true;
    },
  });
  return proxy;
}
