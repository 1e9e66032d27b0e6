// The part of @sealsystems/ipp the adapter uses (the package ships no types).
declare module '@sealsystems/ipp' {
  export type IppGroup = Record<string, unknown>;
  export interface IppResponse {
    readonly version: string;
    readonly statusCode: string;
    readonly id: number;
    readonly 'operation-attributes-tag'?: IppGroup;
    readonly 'job-attributes-tag'?: IppGroup | IppGroup[];
    readonly 'printer-attributes-tag'?: IppGroup | IppGroup[];
  }
  export interface IppMessage {
    readonly 'operation-attributes-tag': IppGroup;
    readonly 'job-attributes-tag'?: IppGroup;
  }
  export interface IppPrinter {
    execute(operation: string, message: IppMessage, callback: (error: Error | null, response: IppResponse) => void): void;
  }
  export interface PrinterOptions {
    readonly auth?: string;
    readonly timeout?: number;
    readonly uri?: string;
  }
  const ipp: {
    Printer(url: string, options?: PrinterOptions): IppPrinter;
  };
  export default ipp;
}
