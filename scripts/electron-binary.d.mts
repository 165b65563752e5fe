export declare const MISSING_ELECTRON_LINE: string;
export declare function electronBinary(): string | null;
