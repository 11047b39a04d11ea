// The stub reply every record-overhead variant gets: one DynamoDB GetItem answer, as a Node request handler gives it.
import { HttpResponse } from '@smithy/protocol-http';
import { Readable } from 'node:stream';

const body = Buffer.from(JSON.stringify({ Item: { pk: { S: 'user#1' }, name: { S: 'Ada' } } }));

export const getItemRequestHandler = {
  async handle() {
    return {
      response: new HttpResponse({
        statusCode: 200,
        headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'bench' },
        body: Readable.from([body]),
      }),
    };
  },
};

export const getItemInput = { TableName: 'Users', Key: { pk: { S: 'user#1' } } };
export const benchCredentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'bench-secret' };
