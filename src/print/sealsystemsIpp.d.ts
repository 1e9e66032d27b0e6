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
  export type IppCallback = (error: Error | null, response: IppResponse) => void;
  export interface IppPrinter {
    /** The parsed URL with the printer's auth, timeout and agent: the options of `request`. */
    readonly url: Record<string, unknown>;
    /** The whole request the library would send (charset, language and printer-uri or job-uri added). */
    message(operation: string, message: IppMessage): object;
    execute(operation: string, message: IppMessage, callback: IppCallback): void;
  }
  export interface PrinterOptions {
    readonly auth?: string;
    readonly timeout?: number;
    readonly uri?: string;
  }
  const ipp: {
    Printer(url: string, options?: PrinterOptions): IppPrinter;
    serialize(message: object): Buffer;
    /** POSTs an encoded request; `options` may carry HTTP headers. */
    request(options: Record<string, unknown>, body: Buffer, callback: IppCallback): void;
  };
  export default ipp;
}
