/*
 * The base of the chat's elements: each finds its ChatContext (given, or its messaging-chat's) and builds itself
 * once, when it is in the page and the context is ready. Light DOM, so a host's CSS reaches every part.
 */
export class MessagingElement extends HTMLElement {
    #context = null;
    #built = false;
    #stops = [];

    /** The shared context: the one given, else the nearest enclosing chat element's (messaging-chat's). */
    get context() {
        if (this.#context) return this.#context;
        for (let node = this.parentElement; node; node = node.parentElement) {
            if (node.context) return node.context;
        }
        return null;
    }

    set context(context) {
        this.#context = context;
        this.#build();
    }

    connectedCallback() {
        this.#build();
    }

    disconnectedCallback() {
        this.#stops.forEach(stop => stop());
        this.#stops = [];
        this.#built = false;
    }

    /** Listens to a context event for as long as the element is in the page. */
    listen(type, listener) {
        this.#stops.push(this.context.on(type, listener));
    }

    #build() {
        if (this.#built || !this.isConnected) return;
        const context = this.context;
        if (!context || !context.me) return;
        this.#built = true;
        this.build(context);
    }

    /** Subclasses render here: called once the element is connected and its context has loaded /me. */
    build(context) { // eslint-disable-line no-unused-vars
    }

    get built() {
        return this.#built;
    }
}
