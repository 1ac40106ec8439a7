// A stand-in for the messaging-ui package's type declarations in the starter's tests.
export declare const probe: string;
