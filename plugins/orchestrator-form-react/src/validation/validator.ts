import { customizeValidator } from '@rjsf/validator-ajv8';

/**
 * One shared ajv instance: non-strict (workflow schemas carry vendor
 * keywords), every error at once, formats from ajv-formats. Sharing it
 * keeps compiled step schemas cached between renders.
 */
export const formValidator = customizeValidator<any, any, any>({});
