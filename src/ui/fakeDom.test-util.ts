/**
 * A tiny fake DOM for testing the level panels without a browser. Setting innerHTML or
 * outerHTML throws, so a passing test proves only textContent is used.
 */
type Listener = (e: unknown) => void;

export class FakeElement {
  id = '';
  className = '';
  type = '';
  tabIndex = 0;
  accept = '';
  hidden = false;
  value = '';
  files: unknown[] | null = null;
  style: Record<string, string> = {};
  children: FakeElement[] = [];
  parent: FakeElement | null = null;
  attributes = new Map<string, string>();
  listeners = new Map<string, Listener[]>();
  focused = false;
  classes = new Set<string>();
  classList = {
    toggle: (c: string, on?: boolean): boolean => {
      const want = on ?? !this.classes.has(c);
      if (want) this.classes.add(c);
      else this.classes.delete(c);
      return want;
    },
    contains: (c: string): boolean => this.classes.has(c),
  };
  clicked = 0;
  private text = '';
  constructor(
    readonly tagName: string,
    readonly owner: FakeDocument,
  ) {}
  get textContent(): string {
    return this.text + this.children.map((c) => c.textContent).join('');
  }
  set textContent(v: string) {
    this.text = v;
    this.children = [];
  }
  set innerHTML(_v: string) {
    throw new Error('innerHTML must never be used');
  }
  set outerHTML(_v: string) {
    throw new Error('outerHTML must never be used');
  }
  setAttribute(k: string, v: string): void {
    this.attributes.set(k, v);
  }
  getAttribute(k: string): string | null {
    return this.attributes.get(k) ?? null;
  }
  appendChild(c: FakeElement): FakeElement {
    c.parent = this;
    this.children.push(c);
    return c;
  }
  append(...cs: FakeElement[]): void {
    for (const c of cs) this.appendChild(c);
  }
  remove(): void {
    if (this.parent) this.parent.children = this.parent.children.filter((c) => c !== this);
    this.parent = null;
  }
  addEventListener(type: string, fn: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
  }
  removeEventListener(type: string, fn: Listener): void {
    this.listeners.set(
      type,
      (this.listeners.get(type) ?? []).filter((f) => f !== fn),
    );
  }
  dispatch(type: string, e: Record<string, unknown> = {}): void {
    for (const fn of this.listeners.get(type) ?? []) fn({ preventDefault() {}, stopPropagation() {}, ...e });
  }
  focus(): void {
    this.owner.activeElement = this;
  }
  click(): void {
    this.clicked++;
    this.dispatch('click');
  }
  all(): FakeElement[] {
    return [this, ...this.children.flatMap((c) => c.all())];
  }
  find(pred: (e: FakeElement) => boolean): FakeElement | undefined {
    return this.all().find(pred);
  }
}

/** A window with a document, for listeners on the window. */
export class FakeWindow extends FakeElement {
  constructor(readonly document = new FakeDocument()) {
    super('#window', document);
  }
}

export class FakeDocument extends FakeElement {
  head: FakeElement;
  body: FakeElement;
  activeElement: FakeElement | null = null;
  constructor() {
    super('#document', undefined as unknown as FakeDocument);
    (this as { owner: FakeDocument }).owner = this;
    this.head = new FakeElement('head', this);
    this.body = new FakeElement('body', this);
  }
  createElement(tag: string): FakeElement {
    return new FakeElement(tag.toUpperCase(), this);
  }
  getElementById(id: string): FakeElement | null {
    return [...this.head.all(), ...this.body.all()].find((e) => e.id === id) ?? null;
  }
}
