// Lint fixture: the engine must not import Nest, TypeORM or Bull. eslint-boundaries.spec.ts lints this file.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import Bull from 'bull';

export const forbidden = [Injectable, DataSource, Bull];
