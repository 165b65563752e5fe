export declare const NO_UPDATES_CONFIG: string;
export declare function packagingPlan(
  env: Record<string, string | undefined>,
  args: readonly string[],
): { args: string[]; notice: string | null; error: string | null };
export declare function explainPackagingFailure(output: string): string | null;
